-- Which dead letters an operator re-published (POST /v1/ops/dead-letters/{topic}/{partition}/{offset}/retry), by
-- whom and when: a record is retried once. Repeatable and idempotent rather than versioned: this location's
-- migrations run in every consuming service's schema, between versions each service numbers on its own.
create table if not exists dead_letter_retry (
    topic          varchar(249) not null,
    dlq_partition  integer      not null,
    dlq_offset     bigint       not null,
    original_topic varchar(249) not null,
    retried_by     varchar(255) not null,
    retried_at     timestamptz  not null default now(),
    primary key (topic, dlq_partition, dlq_offset)
);
