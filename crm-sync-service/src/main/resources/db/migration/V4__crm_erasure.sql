-- What an erasure (lead.erased.v1) did in each CRM the lead had been written to; shown with the
-- lead's (anonymized) ledger entries. No email or lead key is kept.
create table crm_erasure (
    id           varchar(64)  primary key,
    event_id     varchar(64)  not null,
    lead_id      varchar(64)  not null,
    target       varchar(32)  not null,
    outcome      varchar(16)  not null check (outcome in ('ERASED', 'FAILED', 'SKIPPED')),
    detail       text,
    requested_by varchar(500) not null,
    erased_at    timestamptz  not null
);

create index crm_erasure_lead_id on crm_erasure (lead_id, erased_at);
