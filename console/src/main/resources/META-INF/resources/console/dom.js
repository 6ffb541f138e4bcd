// Builds the console's DOM. Text always goes in as text nodes: captured page URLs, form fields and
// traits are data, never markup, so nothing here ever hands a string to an HTML parser.

/**
 * An element: el('a', {href: '#/lead', class: 'link'}, 'text', child...). Attributes whose name starts
 * with "on" take a listener (onclick: fn); null and false attributes are left out; children are
 * strings (made text nodes), numbers, nodes, arrays of those, or null (skipped).
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(parent, child);
    } else {
      parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
}

/** Replaces everything inside {@code parent} with {@code children}. */
export function replace(parent, ...children) {
  parent.replaceChildren();
  append(parent, children);
  return parent;
}

/** A labelled control: the label names it for screen readers and is clickable. */
export function field(labelText, control, hint) {
  const id = control.id || `f-${labelText.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${++fieldCount}`;
  control.id = id;
  const hintNode = hint ? el('span', {class: 'hint', id: `${id}-hint`}, hint) : null;
  if (hintNode) {
    control.setAttribute('aria-describedby', hintNode.id);
  }
  return el('div', {class: 'field'}, el('label', {for: id}, labelText), control, hintNode);
}
let fieldCount = 0;

/** A table from rows: columns are [heading, row => cell content]. */
export function table(caption, columns, rows, emptyText = 'Nothing yet.') {
  if (rows.length === 0) {
    return el('p', {class: 'empty'}, emptyText);
  }
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', {scope: 'col'}, heading)))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

/** A status line that screen readers announce when it changes. */
export function statusLine(className = 'status') {
  return el('p', {class: className, role: 'status', 'aria-live': 'polite'});
}

export function formatTime(iso) {
  return iso ? new Date(iso).toLocaleString() : '—';
}

/** An ISO-8601 duration (PT1H2M3.5S) as "1 h 2 min 3 s". */
export function formatDuration(iso) {
  if (!iso) {
    return '—';
  }
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso);
  if (!match) {
    return iso;
  }
  const [, h, m, s] = match;
  const parts = [];
  if (h) parts.push(`${h} h`);
  if (m) parts.push(`${m} min`);
  if (s && (parts.length === 0 || Number(s) >= 1)) parts.push(`${Math.round(Number(s))} s`);
  return parts.join(' ') || '0 s';
}

/** A number of seconds as "2 d 3 h", "1 h 2 min" or "45 s": the two largest units, enough to compare. */
export function formatSeconds(seconds) {
  if (seconds === null || seconds === undefined) {
    return '—';
  }
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];
  const parts = [];
  let left = Math.round(Number(seconds));
  for (const [name, size] of units) {
    if (left >= size && parts.length < 2) {
      parts.push(`${Math.floor(left / size)} ${name}`);
      left %= size;
    } else if (parts.length > 0) {
      break;
    }
  }
  return parts.join(' ') || '0 s';
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${Number(value).toFixed(1)} %`;
}
