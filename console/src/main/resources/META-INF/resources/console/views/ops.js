// Each service's health as Kubernetes sees it (readiness: its broker and database checks).

import {serviceUrl} from '../api.js';
import {el, replace, table} from '../dom.js';

const SERVICES = [['handoff', 'handoff-service'], ['scoring', 'scoring-service'], ['crmSync', 'crm-sync-service']];

export async function render(main) {
  const rows = await Promise.all(SERVICES.map(async ([key, name]) => {
    try {
      const response = await fetch(serviceUrl(key, '/q/health/ready'), {headers: {Accept: 'application/json'}});
      const health = await response.json();
      return {name, status: health.status, checks: health.checks ?? []};
    } catch (failure) {
      return {name, status: 'UNREACHABLE', checks: [{name: failure.message, status: 'DOWN'}]};
    }
  }));
  replace(main, el('h1', {}, 'Operations'),
    table('Readiness of each service', [
      ['Service', row => row.name],
      ['Status', row => el('span', {class: `health-${row.status.toLowerCase()}`}, row.status)],
      ['Checks', row => row.checks.map(check => `${check.name}: ${check.status}`).join('; ') || '—'],
    ], rows),
    el('p', {class: 'hint'}, 'Consumer lag and dead-letter counts are on each service’s /q/metrics (Prometheus) and the Grafana dashboard '
      + 'in deploy/k8s; the console does not read them yet.'));
}
