// The scoring model learned from sales' verdicts: a calibration over a window (POST /v1/scoring-model/calibrations,
// followed until done), then the current points beside the suggested ones, rule by rule, with the backtest on the
// window's later part. The suggestion opens in the model editor, where it is previewed and published as any edit is.

import {call} from '../api.js';
import {el, field, replace, statusLine, table} from '../dom.js';

const POLL_MS = 1000;
const DAY_MS = 24 * 3600 * 1000;
/** Where the model editor picks up a suggestion opened from here (this tab only). */
export const CANDIDATE_KEY = 'leadflow.candidate-model';

export async function render(main) {
  const from = el('input', {type: 'date', id: 'calibration-from', required: true, value: day(Date.now() - 180 * DAY_MS)});
  const to = el('input', {type: 'date', id: 'calibration-to', required: true, value: day(Date.now() + DAY_MS)});
  const form = el('form', {class: 'publish'}, field('Verdicts from', from), field('until (excluded)', to),
    el('button', {type: 'submit', id: 'start-calibration'}, 'Calibrate'));
  const working = statusLine();
  const result = el('section', {id: 'calibration', 'aria-labelledby': 'calibration-title', hidden: true});
  let timer = null;

  form.addEventListener('submit', async event => {
    event.preventDefault();
    working.textContent = 'Reading sales’ verdicts…';
    try {
      const job = await call('scoring', '/v1/scoring-model/calibrations', {method: 'POST',
        body: {from: `${from.value}T00:00:00Z`, to: `${to.value}T00:00:00Z`}});
      clearTimeout(timer);
      follow(result, working, job, next => (timer = setTimeout(next, POLL_MS)));
    } catch (failure) {
      working.textContent = '';
      result.hidden = false;
      replace(result, el('p', {class: 'error', role: 'alert'}, failure.message));
    }
  });

  replace(main, el('h1', {}, 'Calibration'),
    el('p', {class: 'hint'}, 'Learns each rule’s points from sales’ first verdict on every lead in the window: the earlier '
      + '70% of the verdicts teach, the latest 30% test. Nothing changes until you publish.'),
    form, working, result);
  return () => clearTimeout(timer);
}

function follow(section, working, job, later) {
  section.hidden = false;
  if (job.status === 'DONE') {
    working.textContent = 'Calibration ready.';
    show(section, job.result);
    return;
  }
  replace(section, el('h2', {id: 'calibration-title'}, 'Calibrating'),
    el('progress', {max: Math.max(job.total, 1), value: job.done, 'aria-labelledby': 'calibration-title'}),
    el('p', {id: 'calibration-status', role: 'status'}, `${job.status} (${job.phase}): ${job.done} of ${job.total} leads read`
      + (job.error ? ` — ${job.error}` : '')));
  if (job.status === 'RUNNING') {
    later(async () => {
      try {
        follow(section, working, await call('scoring', `/v1/scoring-model/calibrations/${encodeURIComponent(job.id)}`), later);
      } catch (failure) {
        section.append(el('p', {class: 'error', role: 'alert'}, failure.message));
      }
    });
  } else {
    working.textContent = '';
  }
}

function show(section, result) {
  const counts = result.counts;
  const open = el('button', {type: 'button', id: 'open-suggestion'}, 'Open the suggestion in the model editor');
  open.addEventListener('click', () => {
    sessionStorage.setItem(CANDIDATE_KEY, JSON.stringify(result.suggestedModel));
    location.hash = '#/model?candidate=calibration';
  });
  replace(section, el('h2', {id: 'calibration-title'}, `Version ${result.modelVersion} beside the suggestion`),
    el('p', {}, `Learned from ${counts.trainConverted} conversions and ${counts.trainNotConverted} refusals; tested on `
      + `${counts.testConverted} and ${counts.testNotConverted} from ${result.testFrom}.`),
    table('Test period', [
      ['', row => row.label],
      ['AUC', row => row.figures.auc.toFixed(3)],
      ['Qualified (MQL)', row => `${row.figures.lift.qualified} of ${row.figures.lift.leads}`],
      ['Lift at the MQL threshold', row => row.figures.lift.lift === null ? '—' : `${row.figures.lift.lift.toFixed(2)}×`],
    ], [{label: 'Current', figures: result.current}, {label: 'Suggested', figures: result.suggested}]),
    table('Points per rule', [
      ['Rule', rule => rule.ruleId],
      ['Score', rule => rule.axis === 'FIT' ? 'fit' : 'engagement'],
      ['Current', rule => String(rule.currentPoints)],
      ['Suggested', rule => String(rule.suggestedPoints)],
      ['z', rule => rule.status === 'UNSEEN' ? '—' : rule.zScore.toFixed(1)],
      ['', rule => ({LEARNED: '', ADDS_NOTHING: 'adds nothing', UNSEEN: 'never seen: kept'})[rule.status]],
    ], result.rules),
    table('Calibration of the suggestion on the test period', [
      ['Band', band => String(band.band)],
      ['Leads', band => String(band.leads)],
      ['Predicted', band => `${(100 * band.predicted).toFixed(0)} %`],
      ['Observed', band => `${(100 * band.observed).toFixed(0)} %`],
    ], result.suggested.calibration),
    open);
}

function day(millis) {
  return new Date(millis).toISOString().slice(0, 10);
}
