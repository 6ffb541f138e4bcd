-- Every handoff event this service publishes, written in the transaction that decides it (next to
-- its outbox row): webhook deliveries send it from here, and live streams on every instance learn
-- of it through NOTIFY, which PostgreSQL delivers only when that transaction commits.
create table handoff_event (
    event_id   varchar(200) primary key,
    lead_key   varchar(500) not null,
    type       varchar(100) not null,
    audience   jsonb        not null,
    data       text         not null,
    created_at timestamptz  not null
);

create index handoff_event_created_idx on handoff_event (created_at);

create function handoff_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('handoff_events', new.event_id);
    return null;
end
$$;

create trigger handoff_event_notify after insert on handoff_event
    for each row execute function handoff_event_notify();

-- Signed webhook subscriptions: where to send, which events, and the secrets that sign them.
create table webhook_subscription (
    id         uuid          primary key,
    url        varchar(2000) not null,
    filter     jsonb         not null,
    secrets    jsonb         not null,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);

-- One row per event and subscription, so deliveries and their retries survive restarts.
create table webhook_delivery (
    id               uuid          primary key,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         varchar(200)  not null references handoff_event (event_id) on delete cascade,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    last_status_code integer,
    last_error       varchar(2000),
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);

create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_subscription_idx on webhook_delivery (subscription_id, created_at);
