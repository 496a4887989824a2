-- Blocks between members (no new direct conversation between them, the blocked one's messages hidden from the
-- blocker), reported messages (kept for the moderation queue), and the index the send rate limit counts with.
CREATE TABLE member_block (
    blocker_id uuid        NOT NULL,
    blocked_id uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
);

CREATE TABLE message_report (
    id          uuid        PRIMARY KEY,
    message_id  uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    reporter_id uuid        NOT NULL,
    reason      text        NOT NULL,
    created_at  timestamptz NOT NULL,
    status      text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'actioned')),
    UNIQUE (message_id, reporter_id)
);

CREATE INDEX message_author_recent ON message (author_id, created_at DESC);
