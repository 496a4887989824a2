-- Membership is a lifecycle: a member row is made by onboarding, an invitation or an explicit join, and a removal
-- keeps the row as REMOVED (names in other modules' history stay resolvable; a removed member cannot join again on
-- their own, only through a new invitation). Only ACTIVE members pass the tenant gate.
ALTER TABLE member ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'REMOVED'));
ALTER TABLE member ADD COLUMN joined_at timestamptz;
ALTER TABLE member ADD COLUMN removed_at timestamptz;
UPDATE member SET joined_at = created_at;
ALTER TABLE member ALTER COLUMN joined_at SET NOT NULL;

-- The gate's look-up on every request: one index-only probe by subject for active members.
CREATE INDEX member_active_subject ON member (subject) INCLUDE (id, display_name) WHERE status = 'ACTIVE';
