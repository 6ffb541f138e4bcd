// Two small SVG charts, drawn with DOM calls (no library, nothing inline for the CSP to refuse).
// Each is an image to screen readers, named by its title, with the figures also in a table nearby.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

function frame(title, width, height) {
  const root = svg('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart', 'aria-label': title});
  root.append(svg('title', {}, title));
  return root;
}

/**
 * A step line of {x: Date, y: number} points, in time order: how a value built up. Answers an
 * empty-state paragraph when there are no points.
 */
export function stepChart(title, points, {width = 640, height = 220, unit = ''} = {}) {
  if (points.length === 0) {
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = 'No data to chart yet.';
    return none;
  }
  const pad = {left: 48, right: 16, top: 16, bottom: 36};
  const xs = points.map(p => p.x.getTime());
  const ys = points.map(p => p.y);
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs, minX + 1);
  const minY = Math.min(0, ...ys);
  const maxY = Math.max(1, ...ys);
  const sx = x => pad.left + (x - minX) / (maxX - minX) * (width - pad.left - pad.right);
  const sy = y => height - pad.bottom - (y - minY) / (maxY - minY) * (height - pad.top - pad.bottom);
  const root = frame(title, width, height);
  root.append(svg('line', {x1: pad.left, y1: sy(minY), x2: width - pad.right, y2: sy(minY), class: 'axis'}));
  root.append(svg('line', {x1: pad.left, y1: pad.top, x2: pad.left, y2: sy(minY), class: 'axis'}));
  root.append(svg('text', {x: pad.left - 6, y: sy(maxY) + 4, 'text-anchor': 'end', class: 'tick'}, `${maxY}${unit}`));
  root.append(svg('text', {x: pad.left - 6, y: sy(minY) + 4, 'text-anchor': 'end', class: 'tick'}, `${minY}${unit}`));
  root.append(svg('text', {x: pad.left, y: height - 10, class: 'tick'}, new Date(minX).toLocaleString()));
  root.append(svg('text', {x: width - pad.right, y: height - 10, 'text-anchor': 'end', class: 'tick'}, new Date(maxX).toLocaleString()));
  let path = `M ${sx(xs[0])} ${sy(0)} L ${sx(xs[0])} ${sy(ys[0])}`;
  for (let i = 1; i < points.length; i++) {
    path += ` L ${sx(xs[i])} ${sy(ys[i - 1])} L ${sx(xs[i])} ${sy(ys[i])}`;
  }
  root.append(svg('path', {d: path, class: 'series'}));
  points.forEach((p, i) => {
    const dot = svg('circle', {cx: sx(xs[i]), cy: sy(ys[i]), r: 3.5, class: 'point'});
    dot.append(svg('title', {}, `${p.x.toLocaleString()}: ${p.y}${unit}${p.label ? ` (${p.label})` : ''}`));
    root.append(dot);
  });
  return root;
}

/** Horizontal bars of {label, value}, longest first as given, values labelled. */
export function barChart(title, bars, {width = 640, unit = ''} = {}) {
  const rowHeight = 28;
  const height = Math.max(1, bars.length) * rowHeight + 8;
  const root = frame(title, width, height);
  const labelWidth = 160;
  const max = Math.max(1, ...bars.map(bar => bar.value ?? 0));
  bars.forEach((bar, i) => {
    const y = 4 + i * rowHeight;
    const length = (bar.value ?? 0) / max * (width - labelWidth - 70);
    root.append(svg('text', {x: labelWidth - 8, y: y + 18, 'text-anchor': 'end', class: 'tick'}, bar.label));
    root.append(svg('rect', {x: labelWidth, y: y + 4, width: Math.max(length, 1), height: rowHeight - 10, class: 'bar'}));
    root.append(svg('text', {x: labelWidth + length + 6, y: y + 18, class: 'tick'},
      bar.value === null || bar.value === undefined ? '—' : `${Number(bar.value).toFixed(unit === ' %' ? 1 : 0)}${unit}`));
  });
  return root;
}
