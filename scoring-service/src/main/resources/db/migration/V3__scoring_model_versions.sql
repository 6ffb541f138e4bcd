-- Every published scoring model version; exactly one is active (the partial unique index says so).
-- Version 1 is the default model shipped in the jar, inserted at the first start.
create table scoring_model (
    version    integer      primary key,
    document   jsonb        not null,
    author     varchar(200) not null,
    changelog  text         not null,
    created_at timestamptz  not null,
    active     boolean      not null
);

create unique index scoring_model_one_active_idx on scoring_model (active) where active;
