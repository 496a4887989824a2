-- Full-text search over task titles and descriptions (JpaTaskRepository.DOCUMENT is the same expression).
-- The 'simple' configuration: tenants write in many languages, so no language's stemming is assumed.
CREATE INDEX task_search ON task USING gin (to_tsvector('simple', title || ' ' || coalesce(description, '')));
