-- The name the sender gave an engagement (a Segment track name, a custom event's name), as captured: custom
-- engagements are told apart by it, so re-scoring and what-if previews of the history need it. Null for events
-- whose source named none, and for those recorded before.
alter table lead_event add column event_name varchar(200);
