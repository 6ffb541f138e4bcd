-- Accounts handed to sales (docs/accounts.md): a handoff of an account that became an MQA names the account (its
-- domain, or crm:<id>); its lead_id and lead_key then stand for the account (a name-based UUID, 'account:<key>'), and
-- its email is null. Null for a lead's handoff.
alter table handoff add column account varchar(300);

create index handoff_account_idx on handoff (account) where account is not null;
