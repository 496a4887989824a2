CREATE TABLE announcement (
    id         uuid        PRIMARY KEY,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text,
    pinned     boolean     NOT NULL DEFAULT false,
    author_id  uuid        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL DEFAULT 0
);

CREATE INDEX announcement_order ON announcement (pinned DESC, created_at DESC);
