// The console's shell: sign-in (through the OIDC provider; pasting a token in development), the views the
// user's roles open, and the hash router (#/board, #/lead?email=..., ...) that renders one view at a time into <main>.

import {loadConfig} from './api.js';
import {el, field, replace} from './dom.js';
import {ROLES, currentUser, onSignedOut, providerConfigured, signIn, signInWithProvider, signOut, startSession} from './session.js';

const {MARKETING_OPS, SALES_REP, SALES_MANAGER, ADMIN} = ROLES;

/** Every view, the roles whose APIs it calls (the APIs enforce them), and its module. */
const VIEWS = [
  {path: 'board', title: 'Handoff board', roles: [SALES_REP, SALES_MANAGER, MARKETING_OPS, ADMIN], module: './views/board.js'},
  {path: 'lead', title: 'Lead', roles: [SALES_REP, SALES_MANAGER, MARKETING_OPS, ADMIN], module: './views/lead.js'},
  {path: 'account', title: 'Account', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/account.js'},
  {path: 'model', title: 'Scoring model', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/model.js'},
  {path: 'calibration', title: 'Calibration', roles: [MARKETING_OPS, ADMIN], module: './views/calibration.js'},
  {path: 'funnel', title: 'Funnel', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/funnel.js'},
  {path: 'reports', title: 'Reports', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/reports.js'},
  {path: 'routing', title: 'Routing', roles: [MARKETING_OPS, SALES_MANAGER, ADMIN], module: './views/routing.js'},
  {path: 'ops', title: 'Operations', roles: [ADMIN], module: './views/ops.js'},
];

const main = document.getElementById('main');
let closeView = null;
let signInSettings = {oidc: null, tokenPaste: true};
let signInProblem = null;

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
  signInProblem = null;
  const open = VIEWS.filter(view => user.has(...view.roles));
  if (open.length === 0) {
    replace(main, el('h1', {}, 'No access'), el('p', {class: 'error', role: 'alert'},
      `${user.name} holds none of the roles ${Object.values(ROLES).join(', ')}: ask your administrator for one.`));
    return;
  }
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
    el('button', {type: 'button', class: 'secondary', id: 'sign-out', onclick: () => signOut().then(show)}, 'Sign out'));
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
  const problem = el('p', {class: 'error', role: 'alert'}, signInProblem ?? '');
  const parts = [el('h1', {id: 'sign-in-title'}, 'Sign in'), problem];
  if (providerConfigured()) {
    parts.push(el('p', {}, 'Sign in with your organisation\'s account: its login page opens, then the console '
      + 'with the views your roles allow.'),
    el('button', {type: 'button', id: 'sign-in-provider', onclick: () => signInWithProvider().catch(failure => {
      problem.textContent = `The identity provider did not answer: ${failure.message}`;
    })}, 'Sign in with your organisation'));
  }
  if (signInSettings.tokenPaste) {
    parts.push(pasteForm(problem));
  }
  if (!providerConfigured() && !signInSettings.tokenPaste) {
    parts.push(el('p', {}, 'No identity provider is configured for the console (leadflow.console.oidc.client-id).'));
  }
  replace(main, el('section', {class: 'sign-in-page', 'aria-labelledby': 'sign-in-title'}, ...parts));
  (document.getElementById('sign-in-provider') ?? document.getElementById('token'))?.focus();
}

/** Development only (config.json's signIn.tokenPaste): a bearer token from deploy/local/token, pasted. */
function pasteForm(problem) {
  const token = el('textarea', {id: 'token', rows: 4, required: true, spellcheck: 'false', autocomplete: 'off'});
  const form = el('form', {class: 'sign-in', 'aria-labelledby': 'paste-title'},
    el('h2', {id: 'paste-title'}, 'Development: paste a token'),
    el('p', {}, 'Paste a bearer token. The services check it on every call; '
      + 'the console reads its roles only to choose the views it shows.'),
    field('Bearer token', token, 'On the local stack: deploy/local/token --sub ana --roles sales-rep'),
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
  return form;
}

window.addEventListener('hashchange', show);
onSignedOut(() => {
  signInProblem = 'Your session ended at the identity provider: sign in again.';
  show();
});
loadConfig()
  .then(async config => {
    signInSettings = config.signIn ?? signInSettings;
    signInProblem = await startSession(signInSettings);
  })
  .then(show, failure => replace(main, el('p', {class: 'error', role: 'alert'},
    `The console could not start: ${failure.message}`)));
