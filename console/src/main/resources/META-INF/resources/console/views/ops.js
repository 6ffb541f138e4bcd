// Operations: for each consuming service (kafka-ops' /v1/ops API) its readiness (as Kubernetes sees it), its consumer
// lag per channel and its dead-letter topics: counts, the latest records inspected as text, and their retry.

import {call} from '../api.js';
import {el, formatTime, replace, statusLine, table} from '../dom.js';

const SERVICES = [['handoff', 'handoff-service'], ['scoring', 'scoring-service'], ['crmSync', 'crm-sync-service']];

export async function render(main) {
  // the Kafka sections are asked for at once but drawn as they answer: reading dead letters takes longer than readiness
  const sections = SERVICES.map(([key, name]) => kafkaSection(key, name));
  replace(main, el('h1', {}, 'Operations'), await readinessTable(), sections.map(section => section.element));
  await Promise.all(sections.map(section => section.drawn));
}

async function readinessTable() {
  const rows = await Promise.all(SERVICES.map(async ([key, name]) => {
    try {
      // /q/health is on the management port, out of the browser's reach: the ops API reports it
      const health = await call(key, '/v1/ops/readiness');
      return {name, status: health.status, checks: health.checks ?? []};
    } catch (failure) {
      return {name, status: 'UNREACHABLE', checks: [{name: failure.message, status: 'DOWN'}]};
    }
  }));
  return table('Readiness of each service', [
    ['Service', row => row.name],
    ['Status', row => el('span', {class: `health-${row.status.toLowerCase()}`}, row.status)],
    ['Checks', row => row.checks.map(check => `${check.name}: ${check.status}`).join('; ') || '—'],
  ], rows);
}

/** A service's section, drawn once its consumer lag and dead letters are read (or with why they could not be). */
function kafkaSection(key, name) {
  const heading = el('h2', {id: `ops-${key}`}, `${name}: Kafka`);
  const element = el('section', {class: 'ops-kafka', 'data-service': key, 'aria-labelledby': heading.id},
    heading, el('p', {class: 'hint'}, 'Reading consumer lag and dead letters…'));
  const drawn = Promise.all([call(key, '/v1/ops/consumers'), call(key, '/v1/ops/dead-letters')])
    .then(([consumers, deadLetters]) => {
      const result = statusLine();
      replace(element, heading, lagTable(consumers), result, deadLetters.topics.map(topic => deadLetterTopic(key, topic, result)));
    }, failure => {
      replace(element, heading, el('p', {class: 'error', role: 'alert'}, `${failure.title ?? 'Failed'}: ${failure.message}`));
    });
  return {element, drawn};
}

function lagTable(consumers) {
  return table(`Consumer lag: ${consumers.totalLag} record(s) not yet consumed`, [
    ['Channel', channel => channel.channel],
    ['Topic', channel => channel.topic],
    ['Consumer group', channel => channel.group],
    ['Lag', channel => el('span', {class: 'lag'}, String(channel.totalLag))],
    ['Per partition: committed / end', channel => channel.partitions
      .map(partition => `${partition.partition}: ${partition.committed ?? 'none'} / ${partition.end}`).join('; ') || '—'],
  ], consumers.channels, 'No incoming Kafka channels.');
}

function deadLetterTopic(key, topic, result) {
  return el('div', {class: 'dead-letter-topic', 'data-topic': topic.topic},
    el('h3', {}, `Dead letters of ${topic.channel}: ${topic.topic}, `, el('span', {class: 'dead-letter-count'}, String(topic.count)),
      ' record(s)'),
    table(`The latest dead letters of ${topic.topic}, newest first`, [
      ['When', record => formatTime(record.timestamp)],
      ['Partition / offset', record => `${record.partition} / ${record.offset}`],
      ['Key', record => record.key ?? '—'],
      ['Reason', record => record.reason ?? '—'],
      ['Record', record => inspection(record)],
      ['Retry', record => retryControl(key, topic.topic, record, result)],
    ], topic.latest, 'No dead letters.'));
}

/** The value and headers, as text: they hold whatever was on the topic. */
function inspection(record) {
  return el('details', {},
    el('summary', {}, 'Value and headers'),
    el('pre', {class: 'record-value'}, record.value ?? '(no value)', record.valueCut ? '\n… (cut)' : ''),
    el('dl', {class: 'record-headers'}, Object.entries(record.headers).map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)])));
}

function retried(by, at) {
  return `Retried by ${by}, ${formatTime(at)}`;
}

/** Retry, then a confirmation naming where the record goes; the answer is announced in the section's status line. */
function retryControl(key, topic, record, result) {
  if (record.retried) {
    return retried(record.retried.by, record.retried.at);
  }
  if (!record.originalTopic) {
    return el('span', {class: 'hint'}, 'No original topic to re-publish to');
  }
  const cell = el('div', {class: 'retry'});
  const ask = el('button', {type: 'button', class: 'secondary', onclick: () => replace(cell,
    el('span', {}, `Re-publish to ${record.originalTopic}? `), confirm, ' ', cancel)}, 'Retry');
  const cancel = el('button', {type: 'button', class: 'secondary', onclick: () => replace(cell, ask)}, 'Cancel');
  const confirm = el('button', {type: 'button', class: 'confirm-retry', onclick: async () => {
    confirm.disabled = true;
    try {
      const done = await call(key, `/v1/ops/dead-letters/${encodeURIComponent(topic)}/${record.partition}/${record.offset}/retry`,
        {method: 'POST'});
      replace(cell, retried(done.retriedBy, done.retriedAt));
      result.textContent = `Re-published ${topic} ${record.partition} / ${record.offset} to ${done.republishedTo} `
        + `(partition ${done.republishedPartition}, offset ${done.republishedOffset}).`;
    } catch (failure) {
      replace(cell, ask);
      result.textContent = `Retry refused: ${failure.message}`;
    }
  }}, 'Confirm retry');
  return replace(cell, ask);
}
