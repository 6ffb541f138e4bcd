-- Leads handed to sales. The id derives from the qualifying stage change, so a replay cannot add a
-- second handoff for the same qualification.
create table handoff (
    id                  uuid         primary key,
    lead_id             uuid         not null,
    lead_key            varchar(500) not null,
    email               varchar(320),
    score               integer      not null,
    assignee            varchar(200) not null,
    rule_matched        varchar(200) not null,
    status              varchar(40)  not null,
    sla_due_at          timestamptz  not null,
    qualifying_event_id varchar(200) not null unique,
    top_contributions   jsonb        not null default '[]',
    created_at          timestamptz  not null
);

create index handoff_email_idx on handoff (lower(email));

-- One row per queue: how many leads it has dealt, so the round robin resumes where it stopped.
create table routing_cursor (
    queue      varchar(200) primary key,
    position   bigint       not null default 0,
    updated_at timestamptz  not null default now()
);
