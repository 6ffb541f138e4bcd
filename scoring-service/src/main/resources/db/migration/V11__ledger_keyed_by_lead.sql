-- The ledger had three indexes, each written for every entry at a random place: its surrogate id, the unique
-- (event_id, rule) and (lead_id, occurred_at). One key now does all three jobs: it orders a lead's ledger as counting
-- and the APIs read it, and keeps an engagement from giving a lead the same rule's points twice (an event is counted
-- once by the engagement channel's dedupe, and an event's lead and time never change but through a merge, which
-- moves whole ledgers).
alter table score_entry drop constraint score_entry_pkey;
alter table score_entry drop constraint score_entry_event_rule_key;
drop index score_entry_lead_occurred_idx;
alter table score_entry drop column id;
alter table score_entry add primary key (lead_id, occurred_at, event_id, rule);
