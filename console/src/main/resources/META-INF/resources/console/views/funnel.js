// The funnel: known leads by the stage they are in now, in all, by first-touch source and by the week
// they were first seen (scoring's /v1/reports/funnel), with the share that ever qualified as an MQL, how
// leads moved up from MQL (the conversion from stage to stage and the median time spent in each stage), and
// the funnel over time: the leads by the stage they were in at the end of each week.

import {call} from '../api.js';
import {barChart} from '../chart.js';
import {el, field, formatSeconds, percent, replace, table} from '../dom.js';

const STAGES = ['SUBSCRIBER', 'LEAD', 'MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER', 'RECYCLED', 'DISQUALIFIED'];

export async function render(main, user, params) {
  const weeks = params.get('weeks') ?? '12';
  const weeksInput = el('input', {type: 'number', min: 1, max: 104, value: weeks, required: true});
  const period = el('form', {class: 'toolbar'}, field('Weeks back', weeksInput), el('button', {type: 'submit'}, 'Show'));
  period.addEventListener('submit', event => {
    event.preventDefault();
    location.hash = `#/funnel?weeks=${encodeURIComponent(weeksInput.value)}`;
  });
  const funnel = await call('scoring', `/v1/reports/funnel?weeks=${encodeURIComponent(weeks)}`);
  replace(main, el('h1', {}, 'Funnel'), period,
    el('p', {}, `${funnel.total.leads} leads first seen since ${funnel.from.slice(0, 10)}; `
      + `${funnel.total.qualified} became an MQL (${percent(funnel.total.mqlRate)}).`),
    barChart('Leads by stage now', STAGES.filter(stage => funnel.total.byStage[stage])
      .map(stage => ({label: stage, value: funnel.total.byStage[stage]}))),
    el('section', {'aria-labelledby': 'by-source-title'}, el('h2', {id: 'by-source-title'}, 'By first-touch source'),
      barChart('MQL rate per first-touch source, in percent',
        funnel.bySource.map(group => ({label: group.key, value: group.mqlRate})), {unit: ' %'}),
      groupTable('Leads per first-touch source', 'Source', funnel.bySource)),
    el('section', {'aria-labelledby': 'flow-title', id: 'funnel-flow'}, el('h2', {id: 'flow-title'}, 'Conversion and time in stage'),
      el('p', {class: 'hint'}, 'From the stage changes recorded for these leads: of those that reached a stage, the share that '
        + 'reached the next; a recycled lead that went round twice counts once, each pass gives a time.'),
      // labelled by the stage reached: "OPPORTUNITY → CUSTOMER" is longer than the chart's label column
      barChart('Conversion to each stage from the one before, all sources, in percent',
        funnel.total.conversions.map(step => ({label: `→ ${step.to}`, value: step.rate})), {unit: ' %'}),
      conversionTable([{...funnel.total, key: 'All sources'}, ...funnel.bySource]),
      timeTable([{...funnel.total, key: 'All sources'}, ...funnel.bySource])),
    el('section', {'aria-labelledby': 'over-time-title', id: 'funnel-over-time'}, el('h2', {id: 'over-time-title'}, 'Over time'),
      barChart('Qualified leads (MQL and beyond) at the end of each week',
        funnel.overTime.map(week => ({label: week.week, value: qualifiedIn(week.byStage)}))),
      table('Leads by the stage they were in at the end of each week (week of Monday, UTC; the current week now)', [
        ['Week', week => week.week],
        ...STAGES.map(stage => [stage, week => String(week.byStage[stage] ?? 0)]),
      ], funnel.overTime, 'No leads in this period.')),
    el('section', {'aria-labelledby': 'by-week-title'}, el('h2', {id: 'by-week-title'}, 'By week first seen'),
      groupTable('Leads per weekly cohort (week of Monday, UTC)', 'Week', funnel.byWeek)));
}

// the stages at or past MQL on the main path
function qualifiedIn(byStage) {
  return ['MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER'].reduce((sum, stage) => sum + (byStage[stage] ?? 0), 0);
}

function conversionTable(groups) {
  return table('Conversion per first-touch source (converted of reached)',
    [['Source', group => group.key], ...groups[0].conversions.map((step, i) => [`${step.from} → ${step.to}`, group => {
      const conversion = group.conversions[i];
      return `${percent(conversion.rate)} (${conversion.converted} of ${conversion.reached})`;
    }])], groups);
}

function timeTable(groups) {
  return table('Median time in stage before moving up, per first-touch source (moves measured)',
    [['Source', group => group.key], ...groups[0].timeInStage.map((step, i) => [`${step.stage} → ${step.next}`, group => {
      const time = group.timeInStage[i];
      return `${formatSeconds(time.medianSeconds)} (${time.moves})`;
    }])], groups);
}

function groupTable(caption, keyHeading, groups) {
  return table(caption, [
    [keyHeading, group => group.key],
    ['Leads', group => String(group.leads)],
    ...STAGES.map(stage => [stage, group => String(group.byStage[stage] ?? 0)]),
    ['MQL rate', group => percent(group.mqlRate)],
  ], groups, 'No leads in this period.');
}
