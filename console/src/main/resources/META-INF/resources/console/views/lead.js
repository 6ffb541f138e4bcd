// A lead's page: profile, fit and engagement, the score built up event by event with each event's
// points and decay (the explanation), its stage changes (lifecycle history), its handoffs with sales and its CRM sync.

import {call} from '../api.js';
import {stepChart} from '../chart.js';
import {ROLES} from '../session.js';
import {el, field, formatSeconds, formatTime, replace, statusLine, table} from '../dom.js';

export async function render(main, user, params) {
  const email = params.get('email') ?? '';
  const input = el('input', {type: 'email', name: 'email', value: email, required: true, autocomplete: 'off'});
  const search = el('form', {class: 'toolbar', role: 'search'}, field('Lead email', input), el('button', {type: 'submit'}, 'Show lead'));
  search.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/lead?email=${encodeURIComponent(input.value.trim())}`;
  });
  const body = el('div', {id: 'lead'});
  replace(main, el('h1', {}, email ? `Lead ${email}` : 'Lead'), search, body);
  if (!email) {
    replace(body, el('p', {class: 'empty'}, 'Enter a lead’s email, or open one from the handoff board.'));
    return;
  }
  if (!user.has(ROLES.MARKETING_OPS, ROLES.SALES_MANAGER, ROLES.ADMIN)) {
    await renderHandedLead(body, email);
    return;
  }
  let lead;
  try {
    lead = await call('scoring', `/v1/leads?email=${encodeURIComponent(email)}`);
  } catch (failure) {
    replace(body, el('p', {class: 'error', role: 'alert'}, failure.message));
    return;
  }
  const explanation = el('section', {'aria-labelledby': 'explanation-title'}, el('h2', {id: 'explanation-title'}, 'Why this score'), statusLine());
  const history = el('section', {'aria-labelledby': 'history-title', id: 'lifecycle-history'},
    el('h2', {id: 'history-title'}, 'Lifecycle history'), statusLine());
  const lifecycle = el('section', {'aria-labelledby': 'lifecycle-title'}, el('h2', {id: 'lifecycle-title'}, 'Handoffs to sales'), statusLine());
  const crm = el('section', {'aria-labelledby': 'crm-title'}, el('h2', {id: 'crm-title'}, 'CRM sync'), statusLine());
  replace(body, summary(lead), profile(lead), scoreChart(lead), explanation, history, lifecycle, crm);
  await Promise.all([
    fill(explanation, () => call('scoring', `/v1/leads/${encodeURIComponent(lead.id)}/score`), scoreTable),
    fill(history, () => call('scoring', `/v1/leads/${encodeURIComponent(lead.id)}/lifecycle`), historyTable),
    fill(lifecycle, () => call('handoff', `/v1/handoffs?email=${encodeURIComponent(email)}`), handoffTable),
    fill(crm, () => call('crmSync', `/v1/sync/${encodeURIComponent(lead.id)}`), syncTable),
  ]);
}

/**
 * A sales rep's view of a lead: scoring does not answer reps (docs/security.md), so what they see is what
 * handoff-service holds of the lead's handoffs to them (it answers a rep with their own only): the score
 * and the events that made it when it was handed over.
 */
async function renderHandedLead(body, email) {
  let handoffs;
  try {
    handoffs = await call('handoff', `/v1/handoffs?email=${encodeURIComponent(email)}`);
  } catch (failure) {
    replace(body, el('p', {class: 'error', role: 'alert'}, failure.message));
    return;
  }
  if (handoffs.length === 0) {
    replace(body, el('p', {class: 'empty'}, 'No lead handed to you has this email.'));
    return;
  }
  const latest = handoffs[0];
  replace(body,
    el('dl', {class: 'figures'}, figure('Score when handed over', String(latest.score), 'lead-score'),
      figure('Handed over', formatTime(latest.createdAt), 'lead-handed-over')),
    el('section', {'aria-labelledby': 'explanation-title'}, el('h2', {id: 'explanation-title'}, 'Why this score'),
      table('The events that added most to the score when it was handed over', [
        ['When', contribution => formatTime(contribution.occurredAt)],
        ['Event', contribution => contribution.type],
        ['Rule', contribution => contribution.rule],
        ['Points', contribution => signed(contribution.points)],
      ], latest.topContributions ?? [], 'No event recorded with this handoff.')),
    el('section', {'aria-labelledby': 'lifecycle-title'}, el('h2', {id: 'lifecycle-title'}, 'Handoffs to sales'),
      handoffTable(handoffs)));
}

/** Loads one section; a failure (a role that may not see it, a service down) stays in that section. */
async function fill(section, load, show) {
  const status = section.querySelector('[role=status]');
  status.textContent = 'Loading…';
  try {
    const content = show(await load());
    status.textContent = '';
    section.append(...[content].flat());
  } catch (failure) {
    status.textContent = failure.status === 403 ? 'Your role may not see this.' : failure.message;
  }
}

function summary(lead) {
  return el('dl', {class: 'figures'},
    figure('Stage', lead.stage, 'lead-stage'),
    figure('Engagement score', String(lead.score), 'lead-score'),
    figure('Fit grade', `${lead.grade} (${lead.fitScore} points)`, 'lead-grade'),
    figure('Last engagement', formatTime(lead.scoredAsOf), 'lead-scored-as-of'));
}

function figure(name, value, id) {
  return el('div', {}, el('dt', {}, name), el('dd', {id}, value));
}

function profile(lead) {
  const traits = Object.entries(lead.traits ?? {});
  return el('section', {'aria-labelledby': 'profile-title'}, el('h2', {id: 'profile-title'}, 'Profile'),
    traits.length === 0 ? el('p', {class: 'empty'}, 'No traits captured yet.')
      : el('dl', {class: 'traits', id: 'lead-traits'}, traits.map(([name, value]) =>
        [el('dt', {}, name), el('dd', {}, typeof value === 'object' ? JSON.stringify(value) : String(value))])));
}

/** The score as the lead's events built it up, each event at its points as of the last engagement. */
function scoreChart(lead) {
  let running = 0;
  const points = [...lead.ledger].sort((a, b) => new Date(a.occurredAt) - new Date(b.occurredAt)).map(line => {
    running += line.points;
    return {x: new Date(line.occurredAt), y: running, label: `${line.type} ${signed(line.points)}`};
  });
  return el('section', {'aria-labelledby': 'chart-title'}, el('h2', {id: 'chart-title'}, 'Engagement score over time'),
    stepChart(`Engagement score of ${lead.email}, event by event, reaching ${lead.score}`, points),
    el('p', {class: 'hint'}, 'Each step is one event’s points, decayed to the last engagement; they add up to the score.'));
}

function scoreTable(score) {
  const total = el('p', {}, `Engagement score now: `, el('strong', {id: 'score-now'}, String(score.engagementScore)),
    ` — each event’s points fade with its half-life; the decayed points add up to it.`);
  return [total, table('Every event that counts, oldest first', [
    ['When', entry => formatTime(entry.occurredAt)],
    ['Event', entry => entry.type],
    ['Rule', entry => entry.rule],
    ['Why', entry => entry.reason],
    ['Points given', entry => signed(entry.rawPoints)],
    ['Points now', entry => signed(entry.decayedPoints)],
    ['Decayed', entry => entry.rawPoints === 0 ? '—' : `${Math.round(100 - entry.decayedPoints / entry.rawPoints * 100)} %`],
    ['Model', entry => `v${entry.modelVersion}`],
  ], score.entries, 'No event has given points yet.')];
}

function historyTable(history) {
  return table(`Stage changes, oldest first (first seen ${formatTime(history.firstSeen)})`, [
    ['When', change => formatTime(change.at)],
    ['Change', change => `${change.from} → ${change.to}`],
    ['Why', change => change.reason],
    ['Cause event', change => el('code', {}, change.causeEventId ?? '—')],
    ['Time in previous stage', change => formatSeconds(change.secondsInPrevious)],
  ], history.changes, 'No stage change yet.');
}

function handoffTable(handoffs) {
  return table('Handoffs to sales, newest first (MQL, then the rep’s verdict)', [
    ['Handed off (MQL)', handoff => formatTime(handoff.createdAt)],
    ['Rep', handoff => handoff.assignee],
    ['Status', handoff => handoff.status],
    ['Reason', handoff => handoff.reasonCode ?? '—'],
    ['SLA due', handoff => formatTime(handoff.slaDueAt)],
    ['First action', handoff => formatTime(handoff.firstActionAt)],
  ], handoffs, 'Not handed to sales yet.');
}

function syncTable(entries) {
  return table('CRM writes, one per handoff', [
    ['CRM', entry => entry.target],
    ['Status', entry => entry.status],
    ['Attempts', entry => String(entry.attempts)],
    ['CRM record', entry => entry.externalId ?? '—'],
    ['Synced', entry => formatTime(entry.syncedAt)],
    ['Last error', entry => entry.lastError ?? '—'],
  ], entries, 'Nothing synced to the CRM yet.');
}

function signed(points) {
  return points > 0 ? `+${points}` : String(points);
}
