-- A lead's lifecycle history: every stage change announced on the lifecycle topic (lead.stage-changed.v1), under the
-- announcement's id and written in the transaction that adds it to the outbox, so a repeated decision records nothing
-- twice. seq keeps the order among changes of one moment. No foreign key to lead: a lead created in the same batch is
-- only flushed at commit; erasure deletes a lead's rows with it.
create table stage_change (
    event_id       varchar(200) primary key,
    seq            bigserial    not null,
    lead_id        uuid         not null,
    from_stage     varchar(40)  not null,
    to_stage       varchar(40)  not null,
    changed_at     timestamptz  not null,
    cause_event_id varchar(200),
    reason         text         not null
);

create index stage_change_lead_idx on stage_change (lead_id, changed_at, seq);
