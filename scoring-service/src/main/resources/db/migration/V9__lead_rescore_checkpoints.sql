-- Where a fresh re-score of the lead's history stands a lag behind its latest event (RescoreCheckpointColumn): an
-- engagement arriving late by less than that re-scores only the events after it, not a hot lead's whole history.
-- Null until the lead's first re-score, and again whenever what it stands for changes (recycling, an earlier event).
alter table lead add column rescore_checkpoint jsonb;
