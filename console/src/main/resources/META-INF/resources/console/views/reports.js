// Reports over the handoffs of a period: SLA compliance and time to first action, and sales outcomes
// (accept, reject, recycle, MQL-to-SQL conversion) per rep and per lead source.

import {call} from '../api.js';
import {barChart} from '../chart.js';
import {el, field, formatDuration, percent, replace, table} from '../dom.js';

const DAY_MS = 24 * 3600 * 1000;

export async function render(main, user, params) {
  const to = params.get('to') ?? new Date(Date.now() + DAY_MS).toISOString().slice(0, 10);
  const from = params.get('from') ?? new Date(Date.now() - 30 * DAY_MS).toISOString().slice(0, 10);
  const fromInput = el('input', {type: 'date', value: from, required: true});
  const toInput = el('input', {type: 'date', value: to, required: true});
  const period = el('form', {class: 'toolbar'}, field('From (included)', fromInput), field('To (excluded)', toInput),
    el('button', {type: 'submit'}, 'Show'));
  period.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/reports?from=${fromInput.value}&to=${toInput.value}`;
  });
  const query = `?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const [sla, outcomes] = await Promise.all([call('handoff', `/v1/reports/sla${query}`), call('handoff', `/v1/reports/outcomes${query}`)]);
  replace(main, el('h1', {}, 'Reports'), period,
    el('section', {'aria-labelledby': 'sla-title'}, el('h2', {id: 'sla-title'}, 'SLA compliance'),
      el('p', {}, `${sla.total.handoffs} handoffs: ${sla.total.met} met, ${sla.total.breached} breached, ${sla.total.running} running; `
        + `compliance ${percent(sla.total.compliancePercent)}, median first action ${formatDuration(sla.total.medianTimeToFirstAction)}.`),
      barChart('SLA compliance per rep, in percent', sla.byRep.map(row => ({label: row.rep, value: row.compliancePercent})), {unit: ' %'}),
      table('SLA per rep', [
        ['Rep', row => row.rep], ['Handoffs', row => String(row.handoffs)], ['Met', row => String(row.met)],
        ['Breached', row => String(row.breached)], ['Running', row => String(row.running)],
        ['Compliance', row => percent(row.compliancePercent)],
        ['Median first action', row => formatDuration(row.medianTimeToFirstAction)],
        ['90th percentile', row => formatDuration(row.p90TimeToFirstAction)],
      ], sla.byRep, 'No handoffs in this period.')),
    el('section', {'aria-labelledby': 'outcomes-title'}, el('h2', {id: 'outcomes-title'}, 'Sales outcomes'),
      barChart('MQL to SQL conversion per lead source, in percent',
        outcomes.bySource.map(row => ({label: row.key ?? '(none)', value: row.mqlToSqlConversion})), {unit: ' %'}),
      outcomeTable('Outcomes per lead source', 'Source', outcomes.bySource),
      outcomeTable('Outcomes per rep', 'Rep', outcomes.byRep)));
}

function outcomeTable(caption, keyHeading, rows) {
  return table(caption, [
    [keyHeading, row => row.key ?? '(none)'], ['Handoffs', row => String(row.handoffs)],
    ['Accepted', row => percent(row.acceptRate)], ['Rejected', row => percent(row.rejectRate)],
    ['Recycled', row => percent(row.recycleRate)], ['MQL → SQL', row => percent(row.mqlToSqlConversion)],
  ], rows, 'No handoffs in this period.');
}
