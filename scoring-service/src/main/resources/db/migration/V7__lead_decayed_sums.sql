-- A lead's ledger added up per half-life as of scored_as_of ({"lasting": points that never fade, "P30D": decayed
-- points of that half-life, ...}), so an engagement moves the score forward without reading the whole ledger.
-- Null for leads stored before: their sums are added up from the ledger the next time they are scored.
alter table lead add column decayed_sums jsonb;
