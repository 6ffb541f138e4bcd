// An account's page: the company leads roll up to by domain (docs/accounts.md), with its engagement score, fit, stage
// (MQA or not), which buying-group roles have engaged and which are missing, its leads, and its handoffs to sales.

import {call} from '../api.js';
import {el, field, formatTime, replace, statusLine, table} from '../dom.js';

const ROLE_NAMES = {
  DECISION_MAKER: 'Decision maker', CHAMPION: 'Champion', TECHNICAL_EVALUATOR: 'Technical evaluator', FINANCE: 'Finance', USER: 'User',
};

export async function render(main, user, params) {
  const domain = params.get('domain') ?? '';
  const input = el('input', {type: 'text', name: 'domain', value: domain, required: true, autocomplete: 'off',
    placeholder: 'acme.example'});
  const search = el('form', {class: 'toolbar', role: 'search'}, field('Company domain', input), el('button', {type: 'submit'}, 'Show account'));
  search.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/account?domain=${encodeURIComponent(input.value.trim())}`;
  });
  const body = el('div', {id: 'account'});
  replace(main, el('h1', {}, domain ? `Account ${domain}` : 'Account'), search, body);
  if (!domain) {
    replace(body, el('p', {class: 'empty'}, 'Enter a company’s domain (a lead’s email domain), or crm: and its CRM account id.'));
    return;
  }
  let account;
  try {
    account = await call('scoring', `/v1/accounts/${encodeURIComponent(domain)}`);
  } catch (failure) {
    replace(body, el('p', {class: 'error', role: 'alert'}, failure.message));
    return;
  }
  const handoffs = el('section', {'aria-labelledby': 'account-handoffs-title'},
    el('h2', {id: 'account-handoffs-title'}, 'Handoffs to sales'), statusLine());
  replace(body, summary(account), coverage(account), leadTable(account), handoffs);
  const status = handoffs.querySelector('[role=status]');
  status.textContent = 'Loading…';
  try {
    const found = await call('handoff', `/v1/handoffs?account=${encodeURIComponent(account.account)}`);
    status.textContent = '';
    handoffs.append(handoffTable(found));
  } catch (failure) {
    status.textContent = failure.status === 403 ? 'Your role may not see this.' : failure.message;
  }
}

function summary(account) {
  return el('dl', {class: 'figures'},
    figure('Stage', account.stage, 'account-stage'),
    figure('Engagement score', String(account.score), 'account-score'),
    figure('Fit grade', `${account.grade} (${account.fitScore} points, its best lead’s)`, 'account-grade'),
    figure('Times an MQA', String(account.qualifications), 'account-qualifications'),
    figure('Scored', formatTime(account.updatedAt), 'account-updated'));
}

function figure(name, value, id) {
  return el('div', {}, el('dt', {}, name), el('dd', {id}, value));
}

function coverage(account) {
  const covered = account.coverage.map(role => ROLE_NAMES[role] ?? role);
  const missing = account.missingRoles.map(role => ROLE_NAMES[role] ?? role);
  return el('section', {'aria-labelledby': 'coverage-title'}, el('h2', {id: 'coverage-title'}, 'Buying group'),
    el('p', {id: 'account-coverage'}, covered.length === 0 ? 'No role has engaged yet.' : `Engaged: ${covered.join(', ')}.`),
    el('p', {class: 'hint', id: 'account-missing'}, missing.length === 0 ? 'Every role has engaged.' : `Not yet: ${missing.join(', ')}.`));
}

function leadTable(account) {
  const shown = account.leads.length < account.leadCount ? ` (the ${account.leads.length} with the most points of ${account.leadCount})` : '';
  return el('section', {'aria-labelledby': 'account-leads-title'}, el('h2', {id: 'account-leads-title'}, `Leads${shown}`),
    table('The account’s leads, most points first (each adds at most the model’s per-lead cap, fading with time)', [
      ['Lead', lead => lead.email ? el('a', {href: `#/lead?email=${encodeURIComponent(lead.email)}`}, lead.email) : el('code', {}, lead.id)],
      ['Role', lead => ROLE_NAMES[lead.role] ?? lead.role],
      ['Points to the account', lead => String(lead.points)],
      ['Fit', lead => `${lead.grade} (${lead.fitScore})`],
      ['Stage', lead => lead.stage ?? '—'],
    ], account.leads, 'No lead belongs to this account.'));
}

function handoffTable(handoffs) {
  return table('Handoffs of the account, newest first (one per MQA)', [
    ['Handed off (MQA)', handoff => formatTime(handoff.createdAt)],
    ['Owner', handoff => handoff.assignee],
    ['Rule', handoff => handoff.ruleMatched],
    ['Status', handoff => handoff.status],
    ['SLA due', handoff => formatTime(handoff.slaDueAt)],
  ], handoffs, 'Not handed to sales yet.');
}
