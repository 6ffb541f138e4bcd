-- Tombstones: an outbox row may hold no payload and no CloudEvent type, and the relay then sends the key with a null
-- value (no CloudEvent headers), which makes a compacted topic forget the key. One is never without the other.
-- Repeatable and idempotent, as R__outbox_trace_context.sql and for the same reason.
alter table outbox alter column payload drop not null;
alter table outbox alter column ce_type drop not null;
alter table outbox drop constraint if exists outbox_tombstone_has_neither_payload_nor_type;
alter table outbox add constraint outbox_tombstone_has_neither_payload_nor_type check ((payload is null) = (ce_type is null));
