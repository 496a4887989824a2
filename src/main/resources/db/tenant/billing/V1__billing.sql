-- Billing in a tenant: what it sells to its members, what they bought, what that entitles them to, their receipts,
-- and the ledger of every money movement through the tenant's instance.

-- A product: a premium membership (monthly and/or yearly, granting entitlements) or a one-off item that another
-- module sells (a course, an event ticket: owner_module and owner_ref name it, and it grants <module>:<ref>).
CREATE TABLE billing_product (
    id           uuid        PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('MEMBERSHIP', 'ITEM')),
    name         text        NOT NULL,
    description  text,
    currency     text        NOT NULL,
    price_month  bigint      CHECK (price_month > 0),
    price_year   bigint      CHECK (price_year > 0),
    price_once   bigint      CHECK (price_once > 0),
    entitlements text        NOT NULL DEFAULT '',     -- space-separated ids ([a-z0-9:-]), see Entitlements
    owner_module text,
    owner_ref    text,
    active       boolean     NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0,
    CHECK ((kind = 'MEMBERSHIP' AND (price_month IS NOT NULL OR price_year IS NOT NULL) AND price_once IS NULL)
        OR (kind = 'ITEM' AND price_once IS NOT NULL AND price_month IS NULL AND price_year IS NULL))
);
CREATE UNIQUE INDEX billing_product_owner ON billing_product (owner_module, owner_ref) WHERE owner_module IS NOT NULL;

-- A member's purchase of an item: pending while Checkout is open, paid when the provider says so, refunded in part
-- or in full, expired when Checkout was abandoned.
CREATE TABLE billing_purchase (
    id                  uuid        PRIMARY KEY,
    member_id           uuid        NOT NULL,
    product_id          uuid        NOT NULL REFERENCES billing_product (id),
    status              text        NOT NULL CHECK (status IN ('PENDING', 'PAID', 'REFUNDED', 'EXPIRED', 'CHARGED_BACK')),
    currency            text        NOT NULL,
    amount              bigint      NOT NULL CHECK (amount > 0),
    amount_refunded     bigint      NOT NULL DEFAULT 0 CHECK (amount_refunded >= 0 AND amount_refunded <= amount),
    checkout_id         text        UNIQUE,
    payment_intent_id   text,
    charge_id           text        UNIQUE,
    created_at          timestamptz NOT NULL,
    paid_at             timestamptz,
    refunded_at         timestamptz,
    version             bigint      NOT NULL DEFAULT 0
);
CREATE INDEX billing_purchase_member ON billing_purchase (member_id, created_at DESC, id);

-- A member's premium membership: a subscription at the provider, as last read from it.
CREATE TABLE billing_membership (
    id                   uuid        PRIMARY KEY,
    member_id            uuid        NOT NULL,
    product_id           uuid        NOT NULL REFERENCES billing_product (id),
    status               text        NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'PAST_DUE', 'ENDED')),
    billing_interval     text        NOT NULL,
    currency             text        NOT NULL,
    amount               bigint      NOT NULL CHECK (amount > 0),
    checkout_id          text        UNIQUE,
    subscription_id      text        UNIQUE,
    provider_status      text,
    current_period_end   timestamptz,
    cancel_at_period_end boolean     NOT NULL DEFAULT false,
    read_from_provider_at timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              bigint      NOT NULL DEFAULT 0
);
CREATE INDEX billing_membership_member ON billing_membership (member_id, created_at DESC, id);

-- What members may do because they paid, one row per source (purchase or membership) and entitlement: granted when
-- the provider confirms payment, revoked by a refund or the membership's end, never deleted.
CREATE TABLE billing_entitlement (
    source_id    uuid        NOT NULL,
    entitlement  text        NOT NULL,
    source_kind  text        NOT NULL CHECK (source_kind IN ('PURCHASE', 'MEMBERSHIP')),
    member_id    uuid        NOT NULL,
    granted_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    PRIMARY KEY (source_id, entitlement)
);
CREATE INDEX billing_entitlement_held ON billing_entitlement (member_id, entitlement) WHERE revoked_at IS NULL;

-- Receipts, numbered per tenant in the order payments were confirmed; one per payment (a charge).
CREATE SEQUENCE billing_receipt_number;
CREATE TABLE billing_receipt (
    id           uuid        PRIMARY KEY,
    number       bigint      NOT NULL UNIQUE,
    member_id    uuid        NOT NULL,
    payment_ref  text        NOT NULL UNIQUE,
    description  text        NOT NULL,
    currency     text        NOT NULL,
    amount       bigint      NOT NULL,
    issued_at    timestamptz NOT NULL
);
CREATE INDEX billing_receipt_member ON billing_receipt (member_id, issued_at DESC, id);

-- Every money movement through the tenant, in minor units. Entries with a balance_transaction are movements on the
-- platform's Stripe balance (signed as Stripe signs them: a charge in, a fee, refund or transfer out) and sum to the
-- nets of those balance transactions; allocations (platform-fee, tenant-share, professional-share) say whose a
-- charge's money is and add up to the charge. Appended, never changed: a correction is a new entry (see Ledger).
CREATE TABLE billing_ledger_entry (
    id                  uuid        PRIMARY KEY,
    occurred_at         timestamptz NOT NULL,
    recorded_at         timestamptz NOT NULL,
    kind                text        NOT NULL,
    party               text        NOT NULL,
    amount              bigint      NOT NULL,
    currency            text        NOT NULL,
    member_id           uuid,
    source_kind         text,
    source_id           uuid,
    provider_ref        text        NOT NULL,
    balance_transaction text,
    description         text        NOT NULL,
    UNIQUE (provider_ref, kind)
);
CREATE INDEX billing_ledger_time ON billing_ledger_entry (occurred_at DESC, id);

CREATE FUNCTION billing_ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'billing_ledger_entry is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER billing_ledger_append_only BEFORE UPDATE OR DELETE ON billing_ledger_entry
    FOR EACH ROW EXECUTE FUNCTION billing_ledger_is_append_only();
