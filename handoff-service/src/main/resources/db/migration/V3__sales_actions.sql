-- what sales did with the handoff, and when they first acted (time to first action)
alter table handoff add column reason_code varchar(200);
alter table handoff add column status_changed_at timestamptz;
alter table handoff add column first_action_at timestamptz;
