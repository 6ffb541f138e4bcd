-- Every event counted for a lead, engagements and identifications alike (type null), including those that
-- gave no points: the history that identity merges and model replays score afresh. seq keeps arrival order
-- among events of one moment.
create table lead_event (
    event_id    varchar(200)     primary key,
    seq         bigserial        not null,
    lead_id     uuid             not null references lead (id),
    type        varchar(40),
    occurred_at timestamptz      not null,
    properties  jsonb            not null,
    traits      jsonb            not null,
    bot         boolean          not null,
    weight      double precision not null default 1,
    recorded_at timestamptz      not null
);

create index lead_event_lead_idx on lead_event (lead_id, occurred_at, seq);

-- Anonymous ids made known: the later events of such an id count for the known lead.
create table lead_alias (
    anonymous_id varchar(500) primary key,
    lead_id      uuid         not null references lead (id),
    created_at   timestamptz  not null
);

create index lead_alias_lead_idx on lead_alias (lead_id);

-- Background re-scorings of every lead under a model version (on publication, or asked for), with their progress.
create table replay_job (
    id            uuid        primary key,
    model_version integer     not null,
    status        varchar(20) not null,
    total         integer     not null,
    done          integer     not null,
    changed       integer     not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    error         text
);
