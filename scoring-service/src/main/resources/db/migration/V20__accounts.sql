-- Accounts (docs/accounts.md): leads roll up to their company's account, keyed by its domain (or crm:<id>). The
-- account's standing is kept as of its last roll-up, each lead's part in account_lead: its capped score when it last
-- changed (it fades from as_of on), its fit and buying-group role. A lead belongs to one account at most.
create table account (
    account_key    varchar(300) primary key,
    score          integer      not null,
    fit_score      integer      not null,
    grade          varchar(1)   not null,
    -- the buying-group roles of the leads that engaged, comma separated
    coverage       varchar(200) not null,
    leads          integer      not null,
    stage          varchar(20)  not null,
    -- how many times it became an MQA: one handoff each
    qualifications integer      not null,
    updated_at     timestamptz  not null,
    -- the running tally (domain.account.AccountTally) each member's change adjusts, so a roll-up never reads all the
    -- members: their points faded to faded_as_of, and how many engaged members hold each buying role
    faded_points   double precision not null default 0,
    faded_as_of    timestamptz      not null default 'epoch',
    engaged_roles  jsonb            not null default '{}'
);

create table account_lead (
    lead_id     uuid         primary key,
    account_key varchar(300) not null references account (account_key),
    points      integer      not null,
    as_of       timestamptz  not null,
    fit_score   integer      not null,
    grade       varchar(1)   not null,
    role        varchar(40)  not null
);

-- an account's best fit and grade, and its members with the most points, each read from an index, not a scan
create index account_lead_account_fit_idx on account_lead (account_key, fit_score);
create index account_lead_account_grade_idx on account_lead (account_key, grade);
create index account_lead_account_points_idx on account_lead (account_key, points);
