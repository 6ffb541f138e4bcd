-- Recycling reduces (or resets) the points of a lead's ledger so far: each entry keeps a weight.
alter table score_entry add column weight double precision not null default 1;

-- How many times a lead became an MQL: a recycled lead that qualifies again is announced anew.
alter table lead add column qualifications integer not null default 0;
update lead set qualifications = 1 where stage in ('MQL', 'SAL', 'SQL', 'OPPORTUNITY', 'CUSTOMER', 'RECYCLED', 'DISQUALIFIED');
