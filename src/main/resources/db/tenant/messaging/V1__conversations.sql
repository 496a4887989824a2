-- Conversations between members: direct (two members, one conversation per pair) or group (named, with an owner).
-- Messages are numbered per conversation (seq), so that history pages by a cursor that concurrent sends cannot shift,
-- and read state is a member's last read number.
CREATE TABLE conversation (
    id              uuid        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('direct', 'group')),
    title           text,
    owner_id        uuid,
    direct_key      text        UNIQUE,      -- the two member ids, sorted: one direct conversation per pair
    last_seq        bigint      NOT NULL DEFAULT 0,
    last_message_at timestamptz,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0
);

CREATE TABLE conversation_member (
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    member_id       uuid        NOT NULL,
    joined_at       timestamptz NOT NULL,
    last_read_seq   bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (conversation_id, member_id)
);
CREATE INDEX conversation_member_member ON conversation_member (member_id);

CREATE TABLE message (
    id              uuid        PRIMARY KEY,
    conversation_id uuid        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    seq             bigint      NOT NULL,
    author_id       uuid        NOT NULL,
    body            text,                     -- null once deleted
    reply_to        uuid,
    created_at      timestamptz NOT NULL,
    edited_at       timestamptz,
    deleted_at      timestamptz,
    UNIQUE (conversation_id, seq)
);
