-- Every version of the routing document; the highest is in force. Versions are never changed.
create table routing_document (
    version    integer     primary key,
    document   jsonb       not null,
    created_at timestamptz not null
);

-- the queue a handoff was dealt from (null when a rule named the rep), for escalation and reports
alter table handoff add column queue varchar(200);

-- a rep's open handoffs count against their capacity; a lead's last handoff names its owner
create index handoff_assignee_status_idx on handoff (assignee, status);
create index handoff_lead_key_idx on handoff (lead_key, created_at);
