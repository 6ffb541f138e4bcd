-- for reports: where the lead came from, and when sales accepted it (a later reject or qualify
-- overwrites the status, and the accept rate must still count it)
alter table handoff add column source varchar(200);
alter table handoff add column accepted_at timestamptz;

update handoff set accepted_at = status_changed_at where status = 'ACCEPTED';

create index handoff_created_idx on handoff (created_at);
