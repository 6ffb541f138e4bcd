-- The keys of erased leads (normalized email, anon:<id> of each merged visitor), as SHA-256 hashes, never the keys
-- themselves: an event of an erased lead that happened before its erasure and arrives late (a backlog, a redelivery
-- under a new id) must not bring the lead back. An event that happened after it is a new lead.
create table erased_key (
    key_hash  varchar(64) primary key,
    erased_at timestamptz not null
);
