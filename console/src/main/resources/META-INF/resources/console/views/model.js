// The scoring model editor: the active version, its rules' points at hand and the whole document, a form adding a
// rule on a custom event (an event of the site's own naming, with a condition on a property), validation messages,
// the what-if preview on every lead's history, publishing and the replay's progress.

import {call} from '../api.js';
import {barChart} from '../chart.js';
import {el, field, formatTime, replace, statusLine, table} from '../dom.js';
import {jsonEditor} from '../json-editor.js';
import {ROLES} from '../session.js';
import {CANDIDATE_KEY} from './calibration.js';

const REPLAY_POLL_MS = 1000;
const PREVIEW_POLL_MS = 1000;

export async function render(main, user, params) {
  const mayEdit = user.has(ROLES.MARKETING_OPS, ROLES.ADMIN);
  const [active, versions] = await Promise.all([call('scoring', '/v1/scoring-model'), call('scoring', '/v1/scoring-model/versions')]);
  const editor = jsonEditor('Model document (JSON)', {readOnly: !mayEdit});
  // a calibration's suggestion, opened from the calibration view, is edited, previewed and published as any candidate
  const candidate = params?.get('candidate') === 'calibration' ? safeParse(sessionStorage.getItem(CANDIDATE_KEY) ?? '') : null;
  editor.write(candidate ?? active.model);
  const rules = el('div', {id: 'rule-points'});
  const preview = el('section', {'aria-labelledby': 'preview-title', id: 'preview', hidden: true});
  const replay = el('section', {'aria-labelledby': 'replay-title', id: 'replay', hidden: true}, el('h2', {id: 'replay-title'}, 'Re-scoring every lead'));
  const working = statusLine();
  let timer = null;
  let previewTimer = null;

  // redrawn from the document when it parses; otherwise the last good table stays (nothing moves under the pointer)
  const drawRules = () => {
    const model = safeParse(editor.textarea.value);
    if (model && Array.isArray(model.engagementRules)) {
      replace(rules, el('fieldset', {class: 'rules'}, el('legend', {}, 'Points per engagement rule'),
        model.engagementRules.map((rule, index) => {
          const input = el('input', {type: 'number', step: 1, value: rule.points, readonly: !mayEdit, 'data-rule': rule.id});
          input.addEventListener('input', () => setPoints(index, input.value));
          return field(`${rule.id} (${matchText(rule)})`, input);
        })));
    }
  };
  const setPoints = (index, value) => {
    const model = safeParse(editor.textarea.value);
    if (model) {
      model.engagementRules[index].points = value === '' ? null : Number(value);
      editor.write(model);
    }
  };
  editor.textarea.addEventListener('change', drawRules);
  const customRule = customRuleForm(rule => {
    const model = editor.read();
    if (!model) return false;
    model.engagementRules = [...(model.engagementRules ?? []), rule];
    editor.write(model);
    drawRules();
    return true;
  });

  const author = el('input', {type: 'text', value: user.name, required: true});
  const changelog = el('input', {type: 'text', required: true, placeholder: 'what changes and why'});
  const previewButton = el('button', {type: 'button', id: 'preview-model'}, 'Preview on history');
  const publishButton = el('button', {type: 'submit', id: 'publish-model'}, 'Publish');
  const publishForm = el('form', {class: 'publish'}, field('Author', author), field('Changelog', changelog), previewButton, publishButton);

  previewButton.addEventListener('click', async () => {
    const model = editor.read();
    if (!model) return;
    working.textContent = 'Scoring every lead’s history under the candidate…';
    try {
      // a job: over a large database it reads for minutes, a page of leads at a time, and tells how far it got
      const job = await call('scoring', '/v1/scoring-model/previews?top=10', {method: 'POST', body: model});
      clearTimeout(previewTimer);
      followPreview(preview, working, job, next => (previewTimer = setTimeout(next, PREVIEW_POLL_MS)));
    } catch (failure) {
      editor.refused(failure);
      working.textContent = '';
    }
  });
  publishForm.addEventListener('submit', async event => {
    event.preventDefault();
    const model = editor.read();
    if (!model) return;
    working.textContent = 'Publishing…';
    try {
      const published = await call('scoring', '/v1/scoring-model', {method: 'PUT',
        body: {author: author.value, changelog: changelog.value, model}});
      working.textContent = `Version ${published.version} published.`;
      replace(heading, activeLine(published));
      replace(history, versionTable(await call('scoring', '/v1/scoring-model/versions')));
      if (published.replay) {
        clearTimeout(timer);
        followReplay(replay, published.replay, next => (timer = setTimeout(next, REPLAY_POLL_MS)));
      }
    } catch (failure) {
      editor.refused(failure);
      working.textContent = '';
    }
  });

  const heading = el('p', {id: 'active-version'}, activeLine(active));
  const history = el('div', {id: 'model-versions'}, versionTable(versions));
  // what the user acts with, then what it answered, then the document itself
  replace(main, el('h1', {}, 'Scoring model'), heading,
    mayEdit ? publishForm : el('p', {class: 'hint'}, 'Your role may read the model; marketing ops and admins edit it.'),
    editor.problems, working, replay, preview, rules, mayEdit ? customRule : null, editor.element,
    el('section', {'aria-labelledby': 'versions-title'}, el('h2', {id: 'versions-title'}, 'Versions'), history));
  drawRules();
  return () => {
    clearTimeout(timer);
    clearTimeout(previewTimer);
  };
}

/** What a rule matches, as its label says it: `page.viewed, path /pricing*`, `custom “Pricing Calculator Used”, seats >= 20`. */
function matchText(rule) {
  const name = rule.event ? `${rule.type} “${rule.event}”` : rule.type;
  const when = rule.when ?? {};
  const conditions = [
    when.pathPattern && `path ${when.pathPattern}`, when.contentId && `contentId ${when.contentId}`,
    when.formId && `formId ${when.formId}`, when.utmSource && `utm_source ${when.utmSource}`,
    ...(when.properties ?? []).map(c => (c?.op === 'exists' ? `${c.property} exists` : `${c?.property} ${c?.op} ${c?.value}`)),
  ].filter(Boolean);
  return [name, ...conditions].join(', ');
}

/** A form adding a rule on a custom event to the document; {@code add} answers whether the document took it. */
function customRuleForm(add) {
  const id = el('input', {type: 'text', id: 'custom-rule-id', required: true, placeholder: 'pricing-calculator'});
  const event = el('input', {type: 'text', id: 'custom-rule-event', required: true, maxlength: 200, placeholder: 'Pricing Calculator Used'});
  const points = el('input', {type: 'number', id: 'custom-rule-points', step: 1, required: true});
  const property = el('input', {type: 'text', id: 'custom-rule-property', placeholder: 'seats'});
  const op = el('select', {id: 'custom-rule-op'}, ['>=', '>', '=', '!=', '<', '<=', 'exists'].map(o => el('option', {value: o}, o)));
  const value = el('input', {type: 'text', id: 'custom-rule-value', placeholder: '20'});
  const form = el('form', {class: 'custom-rule', id: 'custom-rule'},
    el('fieldset', {class: 'rules'}, el('legend', {}, 'Add a rule on a custom event'),
      field('Rule id', id), field('Event name', event, 'as the site sends it; any case'), field('Points', points),
      field('Property (optional)', property), field('Comparison', op), field('Value', value, 'a number, a text, true or false'),
      el('button', {type: 'submit', id: 'add-custom-rule'}, 'Add rule')));
  form.addEventListener('submit', submitted => {
    submitted.preventDefault();
    const rule = {id: id.value.trim(), type: 'custom', event: event.value.trim(), points: Number(points.value)};
    if (property.value.trim()) {
      const condition = {property: property.value.trim(), op: op.value};
      if (op.value !== 'exists') condition.value = typedValue(value.value.trim());
      rule.when = {properties: [condition]};
    }
    // the service judges the rule when the model is previewed or published, naming any wrong field
    if (add(rule)) form.reset();
  });
  return form;
}

/** A condition's value as JSON types it: numbers and true/false as such, anything else as text. */
function typedValue(text) {
  if (text === 'true' || text === 'false') return text === 'true';
  return text !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
}

function versionTable(versions) {
  return table('Published versions, newest first', [
    ['Version', v => `v${v.version}${v.active ? ' (active)' : ''}`],
    ['Published', v => formatTime(v.createdAt)],
    ['Author', v => v.author],
    ['Changelog', v => v.changelog],
  ], versions);
}

function activeLine(version) {
  return `Active: version ${version.version}, published ${formatTime(version.createdAt)} by ${version.author} — ${version.changelog}`;
}

function showPreview(section, result) {
  section.hidden = false;
  const transitions = Object.entries(result.transitions ?? {}).map(([label, value]) => ({label, value}));
  replace(section, el('h2', {id: 'preview-title'}, 'What if it were published'),
    el('dl', {class: 'figures'},
      el('div', {}, el('dt', {}, 'Leads scored'), el('dd', {id: 'preview-leads'}, String(result.leads))),
      el('div', {}, el('dt', {}, 'Would change score'), el('dd', {id: 'preview-score-changes'}, String(result.scoreChanges))),
      el('div', {}, el('dt', {}, 'Would change stage'), el('dd', {id: 'preview-stage-changes'}, String(result.stageChanges)))),
    transitions.length ? barChart('Stage changes per transition', transitions) : null,
    table('Top movers', [
      ['Lead', move => el('a', {href: `#/lead?email=${encodeURIComponent(move.leadKey)}`}, move.leadKey)],
      ['Score', move => `${move.scoreBefore} → ${move.scoreAfter}`],
      ['Stage', move => `${move.stageBefore} → ${move.stageAfter}`],
      ['Grade', move => `${move.gradeBefore} → ${move.gradeAfter}`],
    ], result.topMovers ?? [], 'No lead would move.'));
}

/** Shows a preview job's progress, polling it until it is done (then its result) or failed. */
function followPreview(section, working, job, later) {
  if (job.status === 'DONE') {
    showPreview(section, job.result);
    working.textContent = 'Preview ready.';
    return;
  }
  section.hidden = false;
  replace(section, el('h2', {id: 'preview-title'}, 'What if it were published'),
    el('progress', {id: 'preview-progress', max: Math.max(job.total, 1), value: job.done, 'aria-labelledby': 'preview-title'}),
    el('p', {id: 'preview-status', role: 'status'}, `${job.status}: ${job.done} of ${job.total} leads scored under the candidate`
      + (job.error ? ` — ${job.error}` : '')));
  if (job.status === 'RUNNING') {
    later(async () => {
      try {
        followPreview(section, working, await call('scoring', `/v1/scoring-model/previews/${encodeURIComponent(job.id)}`), later);
      } catch (failure) {
        section.append(el('p', {class: 'error', role: 'alert'}, failure.message));
      }
    });
  } else {
    working.textContent = '';
  }
}

/** Shows a replay job's progress, polling it until it is done or failed. */
function followReplay(section, job, later) {
  section.hidden = false;
  const bar = el('progress', {id: 'replay-progress', max: Math.max(job.total, 1), value: job.done, 'aria-labelledby': 'replay-title'});
  replace(section, el('h2', {id: 'replay-title'}, `Re-scoring every lead under version ${job.modelVersion}`), bar,
    el('p', {id: 'replay-status', role: 'status'}, `${job.status}: ${job.done} of ${job.total} leads, ${job.changed} changed`
      + (job.error ? ` — ${job.error}` : '')));
  if (job.status === 'RUNNING') {
    later(async () => {
      try {
        followReplay(section, await call('scoring', `/v1/scoring-model/replays/${encodeURIComponent(job.id)}`), later);
      } catch (failure) {
        section.append(el('p', {class: 'error', role: 'alert'}, failure.message));
      }
    });
  }
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
