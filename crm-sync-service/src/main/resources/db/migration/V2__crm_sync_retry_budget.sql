-- RETRYING: the last attempt failed and the write is being retried (what FAILED meant before);
-- FAILED: the retry budget is spent, the handoff went to leadflow.crm-sync.v1.dlq and waits for an operator.
-- request: the lead as it is written to the CRM, so an operator can retry a FAILED handoff.
alter table crm_sync drop constraint crm_sync_status_check;
update crm_sync set status = 'RETRYING' where status = 'FAILED';
alter table crm_sync add constraint crm_sync_status_check check (status in ('SYNCED', 'RETRYING', 'FAILED'));
alter table crm_sync add column request text;
