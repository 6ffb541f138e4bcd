-- Live streams number handoff events, so that a client reconnecting with Last-Event-ID is sent
-- exactly what it missed. A position is given when the event's transaction commits, under the
-- 'issued' row's lock, held until that commit ends: positions therefore follow commit order, and
-- once a position is visible every smaller one that will ever exist is visible too. (A sequence
-- would number in insert order: a reader could see 11 before 10 commits and skip 10 for good.)
-- The price is that commits writing handoff events queue for that lock, for the length of a commit.
create table handoff_event_mark (
    name     varchar(20) primary key,
    position bigint      not null
);

-- 'issued': the last position given; 'pruned': the last one retention deleted, so an older
-- Last-Event-ID is known to have missed events that are gone
insert into handoff_event_mark (name, position) values ('issued', 0), ('pruned', 0);

alter table handoff_event add column position bigint;

with numbered as (select event_id, row_number() over (order by created_at, event_id) as position from handoff_event)
update handoff_event e set position = n.position from numbered n where e.event_id = n.event_id;

update handoff_event_mark set position = (select coalesce(max(position), 0) from handoff_event) where name = 'issued';

create unique index handoff_event_position_idx on handoff_event (position);

create function handoff_event_number() returns trigger language plpgsql as $$
declare
    next_position bigint;
begin
    update handoff_event_mark set position = position + 1 where name = 'issued' returning position into next_position;
    update handoff_event set position = next_position where event_id = new.event_id;
    return null;
end
$$;

-- deferred: runs at commit, so the lock is held only from there to the commit's end
create constraint trigger handoff_event_number after insert on handoff_event
    deferrable initially deferred for each row execute function handoff_event_number();
