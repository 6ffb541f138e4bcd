-- The history (lead_event) and the ledger (score_entry) are partitioned by the month the event happened in: counting
-- writes into the current month's partitions, whose indexes stay the size of a month's events however long the
-- history grows, and a month past the history horizon is retired by dropping its partitions (HistoryPartitions), not by
-- deleting rows. Each table has a default partition for events outside every month partition (far back, or a month
-- not created yet); history_month moves such rows into their month when it creates it.

-- Creates the month's partition of lead_event and score_entry, if missing, moving in what the default partition holds
-- of that month.
create function history_month(month date) returns void language plpgsql as $$
declare
    parent text;
    part text;
    upper_bound date := (date_trunc('month', month) + interval '1 month')::date;
    lower_bound date := date_trunc('month', month)::date;
begin
    -- one instance at a time: another one's check-then-create would fail on the same name
    perform pg_advisory_xact_lock(hashtext('leadflow.history_partitions'));
    foreach parent in array array['lead_event', 'score_entry'] loop
        part := parent || '_' || to_char(lower_bound, 'YYYY_MM');
        continue when to_regclass(part) is not null;
        execute format('create table %I (like %I including defaults including constraints)', part, parent);
        execute format('with moved as (delete from %I where occurred_at >= %L and occurred_at < %L returning *) insert into %I select * from moved',
                parent || '_default', lower_bound, upper_bound, part);
        execute format('alter table %I attach partition %I for values from (%L) to (%L)', parent, part, lower_bound, upper_bound);
    end loop;
end $$;

-- Drops the month partitions that end at or before the cutoff and deletes the default partitions' rows older than it:
-- answers the months dropped.
create function retire_history_before(cutoff date) returns setof text language plpgsql as $$
declare
    part record;
begin
    perform pg_advisory_xact_lock(hashtext('leadflow.history_partitions'));
    for part in select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
            where i.inhparent in (to_regclass('lead_event'), to_regclass('score_entry'))
              and c.relname ~ '_\d{4}_\d{2}$'
              and (to_date(right(c.relname, 7), 'YYYY_MM') + interval '1 month')::date <= cutoff
            order by c.relname loop
        execute format('drop table %I', part.relname);
        return next part.relname;
    end loop;
    delete from lead_event_default where occurred_at < cutoff;
    delete from score_entry_default where occurred_at < cutoff;
end $$;

-- lead_event: the same columns and indexes; its key gains occurred_at (a partitioned table's keys hold the partition
-- key), the same constraint in effect since an event's time never changes.
alter table lead_event rename to lead_event_unpartitioned;
alter table lead_event_unpartitioned rename constraint lead_event_pkey to lead_event_unpartitioned_pkey;
alter index lead_event_lead_idx rename to lead_event_unpartitioned_lead_idx;
alter sequence lead_event_seq_seq owned by none;

create table lead_event (
    event_id    varchar(200)     not null,
    seq         bigint           not null default nextval('lead_event_seq_seq'),
    lead_id     uuid             not null references lead (id),
    type        varchar(40),
    occurred_at timestamptz      not null,
    properties  jsonb            not null,
    traits      jsonb            not null,
    bot         boolean          not null,
    weight      double precision not null default 1,
    recorded_at timestamptz      not null,
    primary key (event_id, occurred_at)
) partition by range (occurred_at);
alter sequence lead_event_seq_seq owned by lead_event.seq;
create index lead_event_lead_idx on lead_event (lead_id, occurred_at, seq);
create table lead_event_default partition of lead_event default;

-- score_entry: its key (V11) holds occurred_at already.
alter table score_entry rename to score_entry_unpartitioned;
alter table score_entry_unpartitioned rename constraint score_entry_pkey to score_entry_unpartitioned_pkey;

create table score_entry (
    lead_id           uuid             not null references lead (id),
    event_id          varchar(200)     not null,
    rule              varchar(100)     not null,
    type              varchar(40)      not null,
    points            integer          not null,
    reason            text             not null,
    occurred_at       timestamptz      not null,
    recorded_at       timestamptz      not null,
    half_life_seconds bigint,
    model_version     integer          not null default 1,
    weight            double precision not null default 1,
    primary key (lead_id, occurred_at, event_id, rule)
) partition by range (occurred_at);
create table score_entry_default partition of score_entry default;

-- the months the stored events fall in (two years back at most: older ones stay in the default partitions until
-- retired) and the next two, created before the rows are copied so that none is moved twice
select history_month(month::date)
from generate_series(
        date_trunc('month', greatest(least(coalesce((select min(occurred_at) from lead_event_unpartitioned), now()),
                                            coalesce((select min(occurred_at) from score_entry_unpartitioned), now())),
                                      now() - interval '24 months')),
        date_trunc('month', greatest(coalesce((select max(occurred_at) from lead_event_unpartitioned), now()), now()) + interval '2 months'),
        interval '1 month') as month;

insert into lead_event (event_id, seq, lead_id, type, occurred_at, properties, traits, bot, weight, recorded_at)
select event_id, seq, lead_id, type, occurred_at, properties, traits, bot, weight, recorded_at from lead_event_unpartitioned;
insert into score_entry (lead_id, event_id, rule, type, points, reason, occurred_at, recorded_at, half_life_seconds, model_version, weight)
select lead_id, event_id, rule, type, points, reason, occurred_at, recorded_at, half_life_seconds, model_version, weight
from score_entry_unpartitioned;

drop table lead_event_unpartitioned;
drop table score_entry_unpartitioned;
analyze lead_event;
analyze score_entry;
