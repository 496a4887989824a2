-- Notifications, one row per recipient, with the channels chosen for it when it was raised (the member's preference
-- then, or the defaults for their roles): the centre lists in_app ones; e-mail is sent at once or gathered into a
-- digest (emailed_at marks it done, sent or skipped); push is sent at once.
CREATE TABLE notification (
    id           uuid        PRIMARY KEY,
    member_id    uuid        NOT NULL,
    type         text        NOT NULL,
    actor_id     uuid,
    subject_kind text        NOT NULL,
    subject_id   text        NOT NULL,
    link         text,
    params       jsonb       NOT NULL DEFAULT '{}',   -- the text's placeholders, the actor's name among them
    created_at   timestamptz NOT NULL,
    read_at      timestamptz,
    in_app       boolean     NOT NULL,
    email        text        NOT NULL CHECK (email IN ('off', 'immediately', 'daily', 'weekly')),
    emailed_at   timestamptz,
    push         boolean     NOT NULL,
    pushed_at    timestamptz
);
CREATE INDEX notification_centre ON notification (member_id, created_at DESC, id) WHERE in_app;
CREATE INDEX notification_unread ON notification (member_id) WHERE in_app AND read_at IS NULL;
CREATE INDEX notification_awaiting_digest ON notification (email, member_id, created_at)
    WHERE emailed_at IS NULL AND email IN ('daily', 'weekly');

-- A member's choices, per kind; without a row, the kind's defaults for the member's roles apply.
CREATE TABLE notification_preference (
    member_id  uuid        NOT NULL,
    type       text        NOT NULL,
    in_app     boolean     NOT NULL,
    email      text        NOT NULL CHECK (email IN ('off', 'immediately', 'daily', 'weekly')),
    push       boolean     NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (member_id, type)
);

-- When each member's last digest of each cadence went out.
CREATE TABLE notification_digest (
    member_id    uuid        NOT NULL,
    cadence      text        NOT NULL CHECK (cadence IN ('daily', 'weekly')),
    last_sent_at timestamptz NOT NULL,
    PRIMARY KEY (member_id, cadence)
);

-- Web Push subscriptions, one per browser or device (RFC 8030 endpoint, RFC 8291 keys).
CREATE TABLE push_subscription (
    id             uuid        PRIMARY KEY,
    member_id      uuid        NOT NULL,
    endpoint       text        NOT NULL UNIQUE,
    p256dh         text        NOT NULL,
    auth           text        NOT NULL,
    user_agent     text,
    created_at     timestamptz NOT NULL,
    last_pushed_at timestamptz,
    failures       int         NOT NULL DEFAULT 0
);
CREATE INDEX push_subscription_member ON push_subscription (member_id);
