-- Comments on tasks, with the members they mention (for notifications to be built on).
CREATE TABLE task_comment (
    id         uuid        PRIMARY KEY,
    task_id    uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL,
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL,
    edited_at  timestamptz,
    version    bigint      NOT NULL DEFAULT 0
);

CREATE INDEX task_comment_task ON task_comment (task_id, created_at);

CREATE TABLE comment_mention (
    comment_id uuid NOT NULL REFERENCES task_comment (id) ON DELETE CASCADE,
    member_id  uuid NOT NULL,
    PRIMARY KEY (comment_id, member_id)
);

CREATE INDEX comment_mention_member ON comment_mention (member_id);

-- Time members spent on tasks.
CREATE TABLE time_entry (
    id         uuid        PRIMARY KEY,
    task_id    uuid        NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    project_id uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    member_id  uuid        NOT NULL,
    minutes    integer     NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    spent_on   date        NOT NULL,
    note       text,
    created_at timestamptz NOT NULL
);

CREATE INDEX time_entry_project ON time_entry (project_id, spent_on);
CREATE INDEX time_entry_task ON time_entry (task_id);

-- A member's secret calendar feed: only the SHA-256 of the secret is kept, so a database dump reveals no feed URL.
CREATE TABLE calendar_feed (
    member_id   uuid        PRIMARY KEY,
    secret_hash text        NOT NULL UNIQUE,
    created_at  timestamptz NOT NULL
);
