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
    updated_at     timestamptz  not null
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

create index account_lead_account_idx on account_lead (account_key);
