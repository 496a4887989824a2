-- Escrow: money a member pays into the platform for another member's work (a marketplace milestone), held until it
-- is released to the payee (split between the platform's fee, the tenant's share and the payee), refunded to the
-- payer, or settled in part each way.

-- The tenant's billing settings, one row: what share of marketplace earnings the tenant keeps (basis points).
CREATE TABLE billing_settings (
    singleton              boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    marketplace_share_bps  integer     NOT NULL DEFAULT 1000 CHECK (marketplace_share_bps BETWEEN 0 AND 5000),
    updated_at             timestamptz,
    version                bigint      NOT NULL DEFAULT 0
);
INSERT INTO billing_settings (singleton) VALUES (true);

-- A hold: PENDING while its Checkout is open, FUNDED when the provider confirms the payment, SETTLING once the
-- release and refund are decided (amounts fixed), SETTLED when every payout was sent and the refund confirmed.
-- The rates are fixed when it is opened: the payer pays on known terms.
CREATE TABLE billing_escrow (
    id                 uuid        PRIMARY KEY,
    module             text        NOT NULL,
    ref                text        NOT NULL,
    payer_id           uuid        NOT NULL,
    payee_id           uuid        NOT NULL,
    description        text        NOT NULL,
    currency           text        NOT NULL,
    amount             bigint      NOT NULL CHECK (amount > 0),
    platform_fee_bps   integer     NOT NULL CHECK (platform_fee_bps BETWEEN 0 AND 10000),
    tenant_share_bps   integer     NOT NULL CHECK (tenant_share_bps BETWEEN 0 AND 10000),
    status             text        NOT NULL
        CHECK (status IN ('PENDING', 'FUNDED', 'SETTLING', 'SETTLED', 'EXPIRED', 'CHARGED_BACK')),
    checkout_id        text        UNIQUE,
    payment_intent_id  text,
    charge_id          text        UNIQUE,
    disputed           boolean     NOT NULL DEFAULT false,
    release_amount     bigint      CHECK (release_amount >= 0),
    refund_amount      bigint      CHECK (refund_amount >= 0),
    refunded           bigint      NOT NULL DEFAULT 0 CHECK (refunded >= 0),
    settlement_reason  text,
    created_at         timestamptz NOT NULL,
    funded_at          timestamptz,
    settled_at         timestamptz,
    version            bigint      NOT NULL DEFAULT 0,
    CHECK (release_amount IS NULL OR release_amount + refund_amount = amount)
);
CREATE INDEX billing_escrow_ref ON billing_escrow (module, ref, created_at DESC);
CREATE INDEX billing_escrow_payer ON billing_escrow (payer_id, created_at DESC);

-- What a settlement owes each party paid by transfer: the payee's part and the tenant's share. OWED until the
-- party's payout account can take transfers, SENT once the provider made the transfer.
CREATE TABLE billing_escrow_payout (
    escrow_id    uuid        NOT NULL REFERENCES billing_escrow (id),
    party        text        NOT NULL CHECK (party IN ('PROFESSIONAL', 'TENANT')),
    member_id    uuid,
    currency     text        NOT NULL,
    amount       bigint      NOT NULL CHECK (amount > 0),
    status       text        NOT NULL CHECK (status IN ('OWED', 'SENT')),
    transfer_id  text        UNIQUE,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    PRIMARY KEY (escrow_id, party)
);
CREATE INDEX billing_escrow_payout_owed ON billing_escrow_payout (member_id) WHERE status = 'OWED';
