-- The keys of leads erased on request, as lead.erased.v2 announced them: HmacSHA256 keyed by the deployment's erasure
-- secret, never the keys themselves. A lifecycle record of an erased lead that happened before its erasure and arrives
-- late (a replay, a backlog, a dead letter retried) must not hand the lead to sales again.
create table erased_key (
    key_hash  varchar(64) primary key,
    erased_at timestamptz not null
);
