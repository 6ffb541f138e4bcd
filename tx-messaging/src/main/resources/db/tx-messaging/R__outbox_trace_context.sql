-- The W3C trace context (traceparent, tracestate) of what decided an outbox row, so the relay's Kafka record
-- continues that trace instead of starting a new one. Repeatable and idempotent rather than versioned: this
-- location's migrations run in every service's schema, between versions each service numbers on its own.
alter table outbox add column if not exists traceparent varchar(55);
alter table outbox add column if not exists tracestate  varchar(512);
