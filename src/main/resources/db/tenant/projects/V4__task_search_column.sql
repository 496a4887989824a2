-- The searchable text of a task, kept by PostgreSQL itself: ranking then reads a stored vector instead of parsing
-- every matching task's title and description again (measured: full-text search p50 73 ms on 10,000 tasks before).
ALTER TABLE task ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || coalesce(description, ''))) STORED;

DROP INDEX task_search;
CREATE INDEX task_search ON task USING gin (search);
