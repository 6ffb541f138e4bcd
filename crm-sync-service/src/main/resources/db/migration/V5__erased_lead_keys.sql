-- The keys of leads erased on request, as lead.erased.v2 announced them: HmacSHA256 keyed by the deployment's erasure
-- secret, never the keys themselves. A handoff of an erased lead made before its erasure and consumed after it (a
-- replay, a backlog, a dead letter retried) must not write the lead to the CRM again.
create table erased_key (
    key_hash  varchar(64) primary key,
    erased_at timestamptz not null
);
