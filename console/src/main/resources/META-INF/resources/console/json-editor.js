// A JSON document editor (the scoring model, the routing) with the messages of its validation: the
// browser's own JSON check first, then each field the service named in its problem+json answer.

import {ApiError} from './api.js';
import {el, field, replace} from './dom.js';

export function jsonEditor(labelText, {readOnly = false, rows = 24} = {}) {
  const text = el('textarea', {class: 'json', rows, spellcheck: 'false', readonly: readOnly, 'aria-invalid': 'false'});
  const problems = el('div', {class: 'problems', role: 'alert'});
  text.setAttribute('aria-describedby', problems.id = `problems-${Math.random().toString(36).slice(2)}`);
  return {
    element: field(labelText, text),
    // placed by the view next to the button that sends the document, where the user looks after clicking it
    problems,
    textarea: text,
    write(document) {
      text.value = JSON.stringify(document, null, 2);
    },
    /** The document, or null after showing why it is not JSON. */
    read() {
      try {
        const parsed = JSON.parse(text.value);
        clear();
        return parsed;
      } catch (failure) {
        show('The document is not valid JSON', [{field: '', message: failure.message}]);
        return null;
      }
    },
    /** Shows what a service refused (an ApiError) or another failure. */
    refused(failure) {
      if (failure instanceof ApiError && failure.errors.length > 0) {
        show(failure.message, failure.errors);
      } else {
        show(failure.message, []);
      }
    },
    clear,
  };

  function show(title, errors) {
    text.setAttribute('aria-invalid', 'true');
    replace(problems, el('p', {class: 'error'}, title),
      errors.length ? el('ul', {class: 'error-list'}, errors.map(error =>
        el('li', {}, error.field ? el('code', {}, error.field) : null, error.field ? ': ' : '', error.message))) : null);
    problems.scrollIntoView({block: 'nearest'});
  }

  function clear() {
    text.setAttribute('aria-invalid', 'false');
    replace(problems);
  }
}
