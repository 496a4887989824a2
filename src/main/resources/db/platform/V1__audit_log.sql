-- The platform's audit log: every operator action on the platform (who, what, when, outcome).
CREATE TABLE audit_entry (
    id          uuid PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    outcome     text        NOT NULL,
    detail      text
);

CREATE INDEX audit_entry_occurred_at ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_target ON audit_entry (target, occurred_at DESC);
