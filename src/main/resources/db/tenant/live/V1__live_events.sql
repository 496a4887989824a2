-- What the tenant's members' live connections (WebSocket, Server-Sent Events) are sent, kept for a bounded window so
-- that a client that reconnects resumes after the last event it saw. Ids are this tenant's own sequence and are
-- taken under live_stream's row lock, so they grow in commit order: a client that saw id N has seen every event
-- addressed to it below N.
CREATE TABLE live_event (
    id           bigserial   PRIMARY KEY,
    source_event bigint      NOT NULL UNIQUE, -- the outbox event that carried it: delivered again, appended once
    type         text        NOT NULL,
    recipients   uuid[]      NOT NULL,        -- the members it is for (any of their connections)
    payload      jsonb       NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX live_event_occurred_at ON live_event (occurred_at);

-- One row: the lock that orders appends, and the horizon: the highest id purged. A client that last saw an id below
-- it may have missed events and is told to reload.
CREATE TABLE live_stream (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    horizon  bigint  NOT NULL DEFAULT 0
);
INSERT INTO live_stream DEFAULT VALUES;
