-- Processed ids are kept only as long as a redelivery of their event can arrive (ProcessedEventRetention): the channel
-- each was read from, whose topic's retention bounds that, and an index on the age the sweep deletes by. Repeatable
-- and idempotent rather than versioned: this location's migrations run in every service's schema.
alter table processed_event add column if not exists channel varchar(100);
create index if not exists processed_event_processed_at on processed_event (processed_at);
