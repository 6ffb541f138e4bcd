// The routing document (rules, queues, reps' availability) with its validation messages.

import {call} from '../api.js';
import {el, replace, statusLine} from '../dom.js';
import {jsonEditor} from '../json-editor.js';
import {ROLES} from '../session.js';

export async function render(main, user) {
  const mayEdit = user.has(ROLES.SALES_MANAGER, ROLES.ADMIN);
  const current = await call('handoff', '/v1/routing');
  const editor = jsonEditor('Routing document (JSON)', {readOnly: !mayEdit});
  editor.write(current);
  const version = el('p', {id: 'routing-version'}, `Version ${current.version} in force.`);
  const working = statusLine();
  const save = el('button', {type: 'submit'}, 'Save as the next version');
  const form = el('form', {}, editor.element, editor.problems,
    mayEdit ? save : el('p', {class: 'hint'}, 'Your role may read the routing; sales managers and admins edit it.'), working);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const document = editor.read();
    if (!document) return;
    try {
      const stored = await call('handoff', '/v1/routing', {method: 'PUT', body: document});
      editor.write(stored);
      version.textContent = `Version ${stored.version} in force.`;
      working.textContent = `Saved as version ${stored.version}.`;
    } catch (failure) {
      editor.refused(failure);
      working.textContent = '';
    }
  });
  replace(main, el('h1', {}, 'Routing and rep availability'), version,
    el('p', {class: 'hint'}, 'Rules are tried in order; queues deal leads to their members by weight; each rep’s working hours, '
      + 'out-of-office periods and capacity decide who can take a lead.'), form);
}
