-- The leads scoring-service knows: one row per lead key (normalized email, or anon:<anonymousId>).
create table lead (
    id         uuid         primary key,
    lead_key   varchar(500) not null unique,
    email      varchar(320),
    score      integer      not null,
    stage      varchar(40)  not null,
    traits     jsonb        not null default '{}'::jsonb,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);

-- The score ledger: the points each rule gave each engagement. A lead's score is the sum of its
-- entries; (event_id, rule) is unique, so a redelivered event can never be counted twice.
create table score_entry (
    id          uuid         primary key,
    lead_id     uuid         not null references lead (id),
    event_id    varchar(200) not null,
    rule        varchar(100) not null,
    type        varchar(40)  not null,
    points      integer      not null,
    reason      text         not null,
    occurred_at timestamptz  not null,
    recorded_at timestamptz  not null,
    constraint score_entry_event_rule_key unique (event_id, rule)
);

create index score_entry_lead_occurred_idx on score_entry (lead_id, occurred_at);
