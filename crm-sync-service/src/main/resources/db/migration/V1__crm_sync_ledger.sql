-- One row per handoff: whether it reached the CRM, after how many attempts, and what went wrong last.
-- A SYNCED row is final: a redelivered handoff finds it and is not sent again.
create table crm_sync (
    handoff_id  varchar(64)  primary key,
    lead_id     varchar(64)  not null,
    lead_key    varchar(500) not null,
    target      varchar(32)  not null,
    status      varchar(16)  not null check (status in ('SYNCED', 'FAILED')),
    attempts    integer      not null check (attempts > 0),
    external_id varchar(500),
    last_error  text,
    synced_at   timestamptz,
    updated_at  timestamptz  not null
);

create index crm_sync_lead_id on crm_sync (lead_id, updated_at);
