-- The history (lead_event) and the ledger (score_entry) no longer check each row against lead: the check ran a locking
-- look-up of the lead for every row inserted (about a third of the history insert's time, docs/benchmarks.md), on the
-- path that writes a row for every event counted. What it guarded is kept by the writers' locking instead: every
-- transaction that adds or moves a lead's rows holds that lead's row (it inserts it, updates it at its version, or
-- reads it locked), and an erasure or a merge locks the lead before it deletes its rows, so no row can be added for a
-- lead whose deletion is under way or done.
alter table lead_event drop constraint lead_event_lead_id_fkey1;
alter table score_entry drop constraint score_entry_lead_id_fkey1;
