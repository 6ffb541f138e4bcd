// The live handoff board: a rep's (or a queue's) handoffs, replayed from the stream's memory and then
// arriving live, with SLA countdowns and the sales actions.

import {call, serviceUrl} from '../api.js';
import {ACTIONS, NEEDS_REASON, OPEN, apply, applyView, countdown} from '../board-state.js';
import {el, field, formatTime, replace, statusLine} from '../dom.js';
import {ROLES} from '../session.js';
import {openStream} from '../sse.js';

const REASON_CODES = ['good-fit', 'no-budget', 'not-now', 'no-authority', 'wrong-contact', 'competitor', 'duplicate', 'other'];
// the stream keeps events for a while (retention); asking after id 0 replays all it kept
const FROM_THE_START = '0';
const PAGE = 100;

export async function render(main, user) {
  const handoffs = new Map();
  const mayAct = user.has(ROLES.SALES_REP, ROLES.SALES_MANAGER, ROLES.ADMIN);
  const connection = statusLine('connection');
  const announcer = el('p', {class: 'visually-hidden', role: 'status', 'aria-live': 'polite'});
  const notice = el('p', {class: 'notice', hidden: true});
  const openList = el('div', {class: 'cards', id: 'open-handoffs'});
  const closedList = el('div', {class: 'cards closed', id: 'closed-handoffs'});
  const closedCount = el('span', {}, '0');
  const openCount = el('span', {}, '0');
  // the most urgent cards only: a busy queue's board stays quick to draw; more on request
  let openShown = PAGE;
  const more = el('button', {type: 'button', class: 'secondary', hidden: true, onclick: () => {
    openShown += PAGE;
    draw();
  }}, `Show ${PAGE} more`);
  const watch = await watchChoice(user);
  replace(main,
    el('h1', {}, 'Handoff board'),
    el('div', {class: 'toolbar'}, watch.control, connection),
    notice, announcer,
    el('section', {'aria-labelledby': 'open-title'}, el('h2', {id: 'open-title'}, 'Open handoffs (', openCount, ')'), openList, more),
    el('details', {}, el('summary', {}, 'Closed handoffs (', closedCount, `, the latest ${PAGE} shown)`), closedList));

  let closeStream = null;
  // cards by handoff id, built when first shown and rebuilt only when their handoff changed: a reason
  // code being chosen on another card stays chosen
  const cards = new Map();
  const cardOf = handoff => cards.get(handoff.id) ?? cards.set(handoff.id, card(handoff)).get(handoff.id);
  let renderPending = false;
  const scheduleRender = handoff => {
    cards.delete(handoff.id);
    if (!renderPending) {
      renderPending = true;
      requestAnimationFrame(() => {
        renderPending = false;
        draw();
      });
    }
  };

  function draw() {
    const all = [...handoffs.values()];
    const open = all.filter(handoff => OPEN.includes(handoff.status)).sort((a, b) => a.slaDueMs - b.slaDueMs);
    const closed = all.filter(handoff => !OPEN.includes(handoff.status)).sort((a, b) => b.createdMs - a.createdMs);
    if (open.length === 0) {
      replace(openList, el('p', {class: 'empty'}, 'No open handoffs. New ones appear here as they arrive.'));
    } else {
      placeInOrder(openList, open.slice(0, openShown).map(cardOf));
    }
    more.hidden = open.length <= openShown;
    placeInOrder(closedList, closed.slice(0, PAGE).map(cardOf));
    openCount.textContent = String(open.length);
    closedCount.textContent = String(closed.length);
    tick();
  }

  function card(handoff) {
    const problem = el('p', {class: 'error', role: 'alert'});
    const reason = el('select', {}, el('option', {value: ''}, 'No reason'),
      REASON_CODES.map(code => el('option', {value: code}, code)));
    const act = async action => {
      if (NEEDS_REASON.includes(action) && !reason.value) {
        problem.textContent = `Choose a reason code to ${action} this lead.`;
        reason.focus();
        return;
      }
      problem.textContent = '';
      try {
        const view = await call('handoff', `/v1/handoffs/${encodeURIComponent(handoff.id)}/${action}`,
          {method: 'POST', body: reason.value ? {reasonCode: reason.value} : {}});
        applyView(handoffs, view);
        announcer.textContent = `${handoff.email}: ${view.status.toLowerCase()}`;
        scheduleRender(handoff);
      } catch (failure) {
        problem.textContent = failure.message;
      }
    };
    const actions = mayAct ? ACTIONS[handoff.status] ?? [] : [];
    const titleId = `handoff-${handoff.id}`;
    return el('article', {class: `card status-${handoff.status.toLowerCase()}`, 'aria-labelledby': titleId, 'data-handoff': handoff.id,
      'data-email': handoff.email},
      el('h3', {id: titleId}, el('a', {href: `#/lead?email=${encodeURIComponent(handoff.email)}`}, handoff.email)),
      el('dl', {class: 'facts'},
        el('dt', {}, 'Status'), el('dd', {class: 'handoff-status'}, handoff.status, handoff.reasonCode ? ` (${handoff.reasonCode})` : ''),
        el('dt', {}, 'Score'), el('dd', {}, String(handoff.score)),
        el('dt', {}, 'Rep'), el('dd', {}, handoff.assignee ?? '—'),
        el('dt', {}, 'Handed off'), el('dd', {}, formatTime(handoff.createdAt)),
        el('dt', {}, 'SLA'), el('dd', {class: 'sla', 'data-due': OPEN.includes(handoff.status) ? handoff.slaDueAt : null},
          OPEN.includes(handoff.status) ? '' : 'closed', handoff.breached ? ' · escalated' : '')),
      handoff.topContributions.length ? el('p', {class: 'why'}, 'Why: ',
        handoff.topContributions.map(c => `${c.type} +${c.points}`).join(', ')) : null,
      actions.length ? el('div', {class: 'actions'},
        field('Reason code', reason),
        actions.map(action => el('button', {type: 'button', class: `action ${action}`, 'data-action': action,
          onclick: () => act(action)}, label(action)))) : null,
      problem);
  }

  function tick() {
    const now = Date.now();
    for (const sla of main.querySelectorAll('.sla[data-due]')) {
      const {overdue, text} = countdown(sla.dataset.due, now);
      sla.textContent = text;
      sla.classList.toggle('overdue', overdue);
    }
  }
  const ticker = setInterval(tick, 1000);

  function watchStream() {
    if (closeStream) {
      closeStream();
    }
    handoffs.clear();
    cards.clear();
    openShown = PAGE;
    draw();
    const [kind, name] = watch.value().split(':');
    closeStream = openStream(serviceUrl('handoff', `/v1/handoffs/stream?${kind}=${encodeURIComponent(name)}`), {
      lastEventId: FROM_THE_START,
      onState: state => {
        connection.textContent = `Stream: ${state}`;
        connection.dataset.state = state;
      },
      onEvent: ({type, data}) => {
        const parsed = JSON.parse(data);
        if (type === 'replay-truncated') {
          notice.hidden = false;
          notice.textContent = `Older handoffs are past the stream's memory: ${parsed.detail}`;
          return;
        }
        const before = JSON.stringify(handoffs.get(parsed.handoffId) ?? null);
        const handoff = apply(handoffs, type, parsed);
        if (handoff && type === 'handoff.created.v1' && Date.now() - new Date(handoff.createdAt) < 60000) {
          announcer.textContent = `New handoff: ${handoff.email}`;
        }
        // the event of an action taken here changes nothing the card does not already show
        if (handoff && JSON.stringify(handoff) !== before) {
          scheduleRender(handoff);
        }
      },
    });
  }
  watch.onChange(watchStream);
  watchStream();
  return () => {
    clearInterval(ticker);
    closeStream?.();
  };
}

/**
 * Puts {@code elements} in {@code list} in this order, moving only those out of place: a card that
 * keeps its place keeps the keyboard focus and what was chosen in it.
 */
function placeInOrder(list, elements) {
  elements.forEach((element, index) => {
    if (list.children[index] !== element) {
      list.insertBefore(element, list.children[index] ?? null);
    }
  });
  while (list.children.length > elements.length) {
    list.lastElementChild.remove();
  }
}

function label(action) {
  return action.charAt(0).toUpperCase() + action.slice(1);
}

/** Whose handoffs to watch: a rep watches their own; others choose a queue or a rep of the routing. */
async function watchChoice(user) {
  const own = `rep:${user.id}`;
  let options = [];
  if (user.has(ROLES.SALES_MANAGER, ROLES.MARKETING_OPS, ROLES.ADMIN)) {
    try {
      const routing = await call('handoff', '/v1/routing');
      const queues = (routing.queues ?? []).map(queue => queue.name);
      const reps = new Set((routing.reps ?? []).map(rep => rep.id));
      (routing.queues ?? []).forEach(queue => (queue.members ?? []).forEach(member => reps.add(member.rep)));
      options = [...queues.map(queue => [`queue:${queue}`, `Queue ${queue}`]), ...[...reps].sort().map(rep => [`rep:${rep}`, `Rep ${rep}`])];
    } catch {
      // a role that cannot read the routing watches its own handoffs
    }
  }
  if (options.length === 0) {
    options = [[own, `My handoffs (${user.name})`]];
  }
  const select = el('select', {id: 'watch'}, options.map(([value, text]) => el('option', {value}, text)));
  return {
    control: field('Watch', select),
    value: () => select.value,
    onChange: listener => select.addEventListener('change', listener),
  };
}
