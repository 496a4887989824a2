-- Billing (dev.atrium.billing): the platform's side of Stripe. Tenant-level money (members' purchases, the ledger)
-- lives in each tenant's schema; what is here is what the platform needs before it knows the tenant.

-- Who each Stripe customer and connected account belongs to. Webhooks are routed by these rows, never by metadata
-- an event carries: a tenant (member_id null: the tenant as the platform's customer) or one of its members.
CREATE TABLE platform.billing_customer (
    customer_id text        PRIMARY KEY,
    tenant_id   uuid        NOT NULL REFERENCES platform.tenant (id),
    member_id   uuid,
    created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX billing_customer_tenant ON platform.billing_customer (tenant_id) WHERE member_id IS NULL;
CREATE UNIQUE INDEX billing_customer_member ON platform.billing_customer (tenant_id, member_id)
    WHERE member_id IS NOT NULL;

-- A connected account also keeps its state as last read from Stripe (account.updated events): whether payouts can
-- reach it, and what Stripe still needs from its holder.
CREATE TABLE platform.billing_connected_account (
    account_id          text        PRIMARY KEY,
    tenant_id           uuid        NOT NULL REFERENCES platform.tenant (id),
    member_id           uuid,
    details_submitted   boolean     NOT NULL DEFAULT false,
    charges_enabled     boolean     NOT NULL DEFAULT false,
    payouts_enabled     boolean     NOT NULL DEFAULT false,
    transfers_active    boolean     NOT NULL DEFAULT false,
    requirements_due    text        NOT NULL DEFAULT '',
    read_from_stripe_at timestamptz,
    created_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX billing_connected_account_tenant ON platform.billing_connected_account (tenant_id)
    WHERE member_id IS NULL;
CREATE UNIQUE INDEX billing_connected_account_member ON platform.billing_connected_account (tenant_id, member_id)
    WHERE member_id IS NOT NULL;

-- Every Stripe event whose effects were applied, written in the same transaction as those effects: a redelivered
-- event finds its row and changes nothing, and an event whose effects rolled back is not here.
CREATE TABLE platform.stripe_event (
    event_id     text        PRIMARY KEY,
    type         text        NOT NULL,
    tenant_id    uuid,
    processed_at timestamptz NOT NULL
);

-- The platform's subscription of each tenant to a paid plan, as last read from Stripe, and what billing did to the
-- tenant because of it (suspended for an unpaid plan, archived after a cancellation).
CREATE TABLE platform.plan_subscription (
    tenant_id                uuid        PRIMARY KEY REFERENCES platform.tenant (id),
    customer_id              text        NOT NULL,
    subscription_id          text        UNIQUE,
    plan                     text,
    billing_interval         text,
    status                   text        NOT NULL,
    stripe_status            text,
    current_period_end       timestamptz,
    cancel_at_period_end     boolean     NOT NULL DEFAULT false,
    payment_failed_at        timestamptz,
    grace_until              timestamptz,
    suspended_by_billing     boolean     NOT NULL DEFAULT false,
    archived_by_billing      boolean     NOT NULL DEFAULT false,
    read_from_stripe_at      timestamptz,
    updated_at               timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0
);
CREATE INDEX plan_subscription_grace ON platform.plan_subscription (grace_until) WHERE grace_until IS NOT NULL;

-- The tenant's invoices for its plan, as Stripe last reported them (Stripe keeps the documents).
CREATE TABLE platform.plan_invoice (
    invoice_id     text        PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES platform.tenant (id),
    number         text,
    status         text        NOT NULL,
    currency       text        NOT NULL,
    amount_due     bigint      NOT NULL,
    amount_paid    bigint      NOT NULL,
    period_start   timestamptz,
    period_end     timestamptz,
    hosted_url     text,
    pdf_url        text,
    issued_at      timestamptz NOT NULL,
    read_from_stripe_at timestamptz,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX plan_invoice_tenant ON platform.plan_invoice (tenant_id, issued_at DESC, invoice_id DESC);
