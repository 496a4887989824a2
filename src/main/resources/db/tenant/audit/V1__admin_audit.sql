-- The tenant's own audit log: what its admins (and its members, where it concerns membership) did, for its admins to
-- read. It lives and dies with the tenant's schema; the platform's operator log stays in platform.audit_entry.
CREATE TABLE admin_audit (
    id          uuid        PRIMARY KEY,
    occurred_at timestamptz NOT NULL,
    actor_id    uuid,                 -- the member who acted; null for the platform (onboarding, jobs)
    actor_name  text        NOT NULL,
    action      text        NOT NULL,
    target      text,
    detail      text
);
CREATE INDEX admin_audit_occurred_at ON admin_audit (occurred_at DESC);
CREATE INDEX admin_audit_action ON admin_audit (action, occurred_at DESC);
