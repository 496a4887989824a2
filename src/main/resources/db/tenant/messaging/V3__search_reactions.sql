-- Full-text search in one's own conversations ('simple': no stemming, so every language is matched word by word),
-- and reactions from a small fixed set.
ALTER TABLE message ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED;
CREATE INDEX message_search ON message USING gin (search);

CREATE TABLE message_reaction (
    message_id uuid        NOT NULL REFERENCES message (id) ON DELETE CASCADE,
    member_id  uuid        NOT NULL,
    reaction   text        NOT NULL CHECK (reaction IN ('like', 'love', 'laugh', 'wow', 'sad', 'celebrate')),
    created_at timestamptz NOT NULL,
    PRIMARY KEY (message_id, member_id, reaction)
);
