-- SLA timers live in the handoff rows, so they survive restarts and any instance can fire them:
-- the timer polls offered handoffs whose reminder or due time has come (FOR UPDATE SKIP LOCKED).
alter table handoff add column sla_remind_at timestamptz;
alter table handoff add column sla_reminded_at timestamptz;
alter table handoff add column sla_breached_at timestamptz;
alter table handoff add column escalations integer not null default 0;

update handoff set sla_remind_at = sla_due_at where sla_remind_at is null;
alter table handoff alter column sla_remind_at set not null;

create index handoff_sla_timer_idx on handoff (sla_remind_at, sla_due_at) where status = 'OFFERED' and sla_breached_at is null;
