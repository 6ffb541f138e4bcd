-- The ids of incoming events already counted: written in the same transaction as their effect.
create table processed_event (
    event_id     varchar(200) primary key,
    processed_at timestamptz  not null default now()
);

-- Events a transaction decided to publish; the relay sends them in id order and then deletes them.
create table outbox (
    id         bigserial    primary key,
    event_id   varchar(200) not null unique,
    topic      varchar(200) not null,
    record_key varchar(500) not null,
    ce_type    varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null default now()
);
