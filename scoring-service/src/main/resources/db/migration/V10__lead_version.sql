-- Every change of a lead row advances its version: the engagement consumer keeps the leads of its partitions in
-- memory and writes them back in one statement per poll only where the version is still the one it read, so a
-- change made elsewhere (a merge, sales feedback, a replay, an erasure) is never overwritten.
alter table lead add column version bigint not null default 0;
