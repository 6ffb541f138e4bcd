// What the handoff board knows, folded from the handoff events of the live stream (no DOM here).

const STATUS_OF = {accepted: 'ACCEPTED', rejected: 'REJECTED', recycled: 'RECYCLED', qualified: 'QUALIFIED'};

export const OPEN = ['OFFERED', 'ACCEPTED'];

/** The actions each status allows (handoff-service's HandoffStatus), in the order the buttons show. */
export const ACTIONS = {
  OFFERED: ['accept', 'qualify', 'reject', 'recycle'],
  ACCEPTED: ['qualify', 'reject', 'recycle'],
};

/** The actions that need a reason code. */
export const NEEDS_REASON = ['reject', 'recycle'];

/**
 * Applies one handoff event (CloudEvent type, its data) to {@code handoffs}, a Map by handoff id;
 * answers the handoff it changed, or null for an event of a handoff created before the stream's
 * memory (retention) or of another type.
 */
export function apply(handoffs, type, data) {
  if (type === 'handoff.created.v1') {
    const handoff = {
      id: data.handoffId, leadId: data.leadId, email: data.email, score: data.score, assignee: data.assignee,
      ruleMatched: data.ruleMatched, slaDueAt: data.slaDueAt, createdAt: data.createdAt, status: 'OFFERED',
      reasonCode: null, breached: false, reminded: false, topContributions: data.topContributions ?? [],
      // parsed once: the board sorts by them on every draw
      slaDueMs: Date.parse(data.slaDueAt), createdMs: Date.parse(data.createdAt),
    };
    handoffs.set(handoff.id, handoff);
    return handoff;
  }
  const handoff = handoffs.get(data.handoffId);
  if (!handoff) {
    return null;
  }
  switch (type) {
    case 'handoff.status-changed.v1':
      if (STATUS_OF[data.status]) {
        handoff.status = STATUS_OF[data.status];
        handoff.reasonCode = data.reasonCode ?? handoff.reasonCode;
      }
      handoff.assignee = data.assignee ?? handoff.assignee;
      return handoff;
    case 'handoff.sla-breached.v1':
      handoff.breached = true;
      handoff.assignee = data.escalatedTo ?? handoff.assignee;
      handoff.slaDueAt = data.nextSlaDueAt ?? handoff.slaDueAt;
      handoff.slaDueMs = Date.parse(handoff.slaDueAt);
      return handoff;
    case 'handoff.sla-reminder.v1':
      handoff.reminded = true;
      return handoff;
    default:
      return null;
  }
}

/** Takes in what an action answered (handoff-service's HandoffView). */
export function applyView(handoffs, view) {
  const handoff = handoffs.get(view.id);
  if (handoff) {
    Object.assign(handoff, {status: view.status, reasonCode: view.reasonCode, assignee: view.assignee, slaDueAt: view.slaDueAt,
      slaDueMs: Date.parse(view.slaDueAt)});
  }
  return handoff;
}

/** "due in 3 h 12 min" or "overdue by 4 min", and whether it is overdue, at {@code now}. */
export function countdown(slaDueAt, now) {
  const ms = new Date(slaDueAt).getTime() - now;
  const minutes = Math.floor(Math.abs(ms) / 60000);
  const seconds = Math.floor(Math.abs(ms) / 1000) % 60;
  const text = minutes >= 60 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min ${seconds} s`;
  return {overdue: ms < 0, text: ms < 0 ? `overdue by ${text}` : `due in ${text}`};
}
