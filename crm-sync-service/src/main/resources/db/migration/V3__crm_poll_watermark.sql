-- How far a poll of a CRM has read (the latest modification time it handled), so a restarted
-- service continues where the last poll stopped instead of starting over or skipping changes.
create table crm_poll_watermark (
    source     varchar(64) primary key,
    watermark  timestamptz not null,
    updated_at timestamptz not null
);
