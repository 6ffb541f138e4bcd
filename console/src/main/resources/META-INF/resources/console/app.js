// The console's shell: sign-in, the views the user's roles open, and the hash router
// (#/board, #/lead?email=..., ...) that renders one view at a time into <main>.

import {loadConfig} from './api.js';
import {el, field, replace} from './dom.js';
import {ROLES, currentUser, signIn, signOut} from './session.js';

const {MARKETING_OPS, SALES_REP, SALES_MANAGER, ADMIN} = ROLES;

/** Every view, the roles whose APIs it calls (the APIs enforce them), and its module. */
const VIEWS = [
  {path: 'board', title: 'Handoff board', roles: [SALES_REP, SALES_MANAGER, MARKETING_OPS, ADMIN], module: './views/board.js'},
  {path: 'lead', title: 'Lead', roles: [SALES_REP, SALES_MANAGER, MARKETING_OPS, ADMIN], module: './views/lead.js'},
  {path: 'model', title: 'Scoring model', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/model.js'},
  {path: 'funnel', title: 'Funnel', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/funnel.js'},
  {path: 'reports', title: 'Reports', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/reports.js'},
  {path: 'routing', title: 'Routing', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/routing.js'},
  {path: 'ops', title: 'Operations', roles: [ADMIN], module: './views/ops.js'},
];

const main = document.getElementById('main');
let closeView = null;

function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  return {path, params: new URLSearchParams(query ?? '')};
}

async function show() {
  if (closeView) {
    closeView();
    closeView = null;
  }
  const user = currentUser();
  renderHeader(user);
  if (!user) {
    renderSignIn();
    return;
  }
  const open = VIEWS.filter(view => user.has(...view.roles));
  const {path, params} = route();
  const view = open.find(candidate => candidate.path === path);
  if (!view) {
    location.replace(`#/${open[0]?.path ?? 'board'}`);
    return;
  }
  document.title = `${view.title} · Leadflow console`;
  markCurrent(view.path);
  replace(main, el('p', {class: 'loading'}, `Loading ${view.title.toLowerCase()}…`));
  try {
    const module = await import(view.module);
    closeView = await module.render(main, user, params) ?? null;
  } catch (failure) {
    replace(main, el('h1', {}, view.title), el('p', {class: 'error', role: 'alert'}, failure.message));
  }
}

function renderHeader(user) {
  const nav = document.getElementById('nav');
  const who = document.getElementById('who');
  if (!user) {
    replace(nav);
    replace(who);
    return;
  }
  replace(nav, el('ul', {}, VIEWS.filter(view => user.has(...view.roles))
    .map(view => el('li', {}, el('a', {href: `#/${view.path}`, 'data-view': view.path}, view.title)))));
  replace(who, el('span', {class: 'user'}, `${user.name} · ${user.roles.join(', ')}`),
    el('button', {type: 'button', class: 'secondary', onclick: () => { signOut(); show(); }}, 'Sign out'));
}

function markCurrent(path) {
  for (const link of document.querySelectorAll('#nav a')) {
    if (link.dataset.view === path) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

function renderSignIn() {
  document.title = 'Sign in · Leadflow console';
  const token = el('textarea', {id: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off'});
  const problem = el('p', {class: 'error', role: 'alert'});
  const form = el('form', {class: 'sign-in', 'aria-labelledby': 'sign-in-title'},
    el('h1', {id: 'sign-in-title'}, 'Sign in'),
    el('p', {}, 'Paste a bearer token from your identity provider. The services check it on every call; '
      + 'the console reads its roles only to choose the views it shows.'),
    field('Bearer token', token, 'On the local stack: deploy/local/token --sub ana --roles sales-rep'),
    problem,
    el('button', {type: 'submit'}, 'Sign in'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    try {
      signIn(token.value);
      show();
    } catch (refusal) {
      problem.textContent = refusal.message;
      token.focus();
    }
  });
  replace(main, form);
  token.focus();
}

window.addEventListener('hashchange', show);
loadConfig().then(show, failure => replace(main, el('p', {class: 'error', role: 'alert'},
  `The console could not load its configuration: ${failure.message}`)));
