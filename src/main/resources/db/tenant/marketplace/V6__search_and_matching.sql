-- Matching and search: the embedding of each job's and profile's text (all-MiniLM-L6-v2 through the platform's
-- similarity service, as little-endian float32; the model's name beside it, so a change of model embeds again), and
-- members' saved searches, which alert them to new jobs or professionals that match.

ALTER TABLE marketplace_job ADD COLUMN embedding bytea;
ALTER TABLE marketplace_job ADD COLUMN embedding_model text;
ALTER TABLE marketplace_profile ADD COLUMN embedding bytea;
ALTER TABLE marketplace_profile ADD COLUMN embedding_model text;

CREATE INDEX marketplace_profile_active ON marketplace_profile (created_at DESC) WHERE active;

CREATE TABLE marketplace_saved_search (
    id          uuid        PRIMARY KEY,
    member_id   uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('JOBS', 'PROFESSIONALS')),
    name        text        NOT NULL,
    query       text,
    category_id uuid        REFERENCES marketplace_category (id),
    pricing     text        CHECK (pricing IN ('FIXED', 'HOURLY')),
    currency    text,
    amount_min  bigint      CHECK (amount_min >= 0),
    amount_max  bigint      CHECK (amount_max >= 0),
    alerts      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CHECK ((amount_min IS NULL AND amount_max IS NULL) OR currency IS NOT NULL)
);
CREATE INDEX marketplace_saved_search_member ON marketplace_saved_search (member_id, created_at DESC);
CREATE INDEX marketplace_saved_search_alerts ON marketplace_saved_search (kind) WHERE alerts;

CREATE TABLE marketplace_saved_search_skill (
    search_id uuid NOT NULL REFERENCES marketplace_saved_search (id) ON DELETE CASCADE,
    skill_id  uuid NOT NULL REFERENCES marketplace_skill (id),
    PRIMARY KEY (search_id, skill_id)
);

-- Which saved search was alerted about which job or professional: each at most once, however often alerts run.
CREATE TABLE marketplace_saved_search_alert (
    search_id  uuid        NOT NULL REFERENCES marketplace_saved_search (id) ON DELETE CASCADE,
    subject_id uuid        NOT NULL,
    alerted_at timestamptz NOT NULL,
    PRIMARY KEY (search_id, subject_id)
);

-- What the professional received of a released milestone after the platform's fee and the tenant's share (billing's
-- figure, as confirmed when the transfer was made), for their earnings.
ALTER TABLE marketplace_milestone ADD COLUMN earned_amount bigint;
