-- A tenant's exports: a zip of JSON per module plus its media, built by a job, downloadable through a signed link
-- until it expires.
CREATE TABLE tenant_export (
    id           uuid        PRIMARY KEY,
    requested_by text        NOT NULL,   -- a member's name, or the operator's
    requested_at timestamptz NOT NULL,
    status       text        NOT NULL CHECK (status IN ('pending', 'running', 'ready', 'failed', 'expired')),
    progress     integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    size_bytes   bigint,
    failure      text,
    finished_at  timestamptz,
    expires_at   timestamptz
);
CREATE INDEX tenant_export_requested_at ON tenant_export (requested_at DESC);
