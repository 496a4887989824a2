-- Who holds an entitlement (the professionals featured in search), without scanning every grant.
CREATE INDEX billing_entitlement_holders ON billing_entitlement (entitlement, member_id) WHERE revoked_at IS NULL;
