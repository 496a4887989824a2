-- A tenant whose deletion is scheduled: archived (hidden from its members, data kept) until this moment, when the
-- job tenancy.delete-tenant drops it; restoring before then cancels it.
ALTER TABLE tenant ADD COLUMN deletion_due_at timestamptz;
