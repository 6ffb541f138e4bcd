-- The fit axis next to the engagement score, and the moment the engagement score was computed for
-- (the latest engagement's time: scores decay, so a score is only meaningful with its moment).
alter table lead add column fit_score    integer     not null default 0;
alter table lead add column grade        varchar(1)  not null default 'D';
alter table lead add column scored_as_of timestamptz;

-- Each ledger entry keeps the half-life its model version gave it (null: never fades) and that
-- version, so the ledger can be decayed to any moment without the model and explains itself.
alter table score_entry add column half_life_seconds bigint;
alter table score_entry add column model_version     integer not null default 1;
