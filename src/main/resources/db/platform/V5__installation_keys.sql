-- Keys this installation makes for itself on first use and keeps (every replica uses the same): the Web Push VAPID
-- key pair, the key that signs unsubscribe links. An operator can supply them through configuration instead.
CREATE TABLE platform.installation_key (
    name       text        PRIMARY KEY,
    value      text        NOT NULL,
    created_at timestamptz NOT NULL
);
