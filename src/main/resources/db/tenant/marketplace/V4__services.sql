-- Services (Fiverr style): a professional's packaged offers in up to three tiers (basic, standard, premium), each with
-- a price, a delivery time, the revisions included and what it includes. A client orders a tier directly, which makes
-- a contract with one milestone for the tier's price; the order keeps the tier as it was then and the client's answers
-- to the service's requirements. Money is in integer minor units of the service's one currency.

CREATE TABLE marketplace_service (
    id              uuid        PRIMARY KEY,
    professional_id uuid        NOT NULL,
    title           text        NOT NULL,
    description     text        NOT NULL,
    category_id     uuid        REFERENCES marketplace_category (id),
    currency        text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    status          text        NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'PAUSED', 'ARCHIVED')),
    skill_names     text        NOT NULL DEFAULT '',   -- for search: the names of its skills
    published_at    timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', skill_names), 'A')
        || setweight(to_tsvector('english', description), 'B')) STORED
);
CREATE INDEX marketplace_service_search ON marketplace_service USING gin (search);
CREATE INDEX marketplace_service_active ON marketplace_service (published_at DESC, id) WHERE status = 'ACTIVE';
CREATE INDEX marketplace_service_professional ON marketplace_service (professional_id, created_at DESC);

CREATE TABLE marketplace_service_skill (
    service_id uuid NOT NULL REFERENCES marketplace_service (id) ON DELETE CASCADE,
    skill_id   uuid NOT NULL REFERENCES marketplace_skill (id),
    PRIMARY KEY (service_id, skill_id)
);
CREATE INDEX marketplace_service_skill_skill ON marketplace_service_skill (skill_id);

-- A tier: at most one of each level, so at most three.
CREATE TABLE marketplace_service_tier (
    service_id    uuid    NOT NULL REFERENCES marketplace_service (id) ON DELETE CASCADE,
    level         text    NOT NULL CHECK (level IN ('BASIC', 'STANDARD', 'PREMIUM')),
    name          text    NOT NULL,
    price         bigint  NOT NULL CHECK (price > 0),
    delivery_days integer NOT NULL CHECK (delivery_days BETWEEN 1 AND 365),
    revisions     integer NOT NULL CHECK (revisions BETWEEN 0 AND 100),
    included      text    NOT NULL DEFAULT '',   -- what it includes, one item a line
    PRIMARY KEY (service_id, level)
);
CREATE INDEX marketplace_service_tier_price ON marketplace_service_tier (price, delivery_days);

-- Questions a client answers when ordering (what the professional needs to start).
CREATE TABLE marketplace_service_question (
    service_id uuid    NOT NULL REFERENCES marketplace_service (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    question   text    NOT NULL,
    PRIMARY KEY (service_id, position)
);

-- Images and files showing the service (media service uploads); the first is its cover.
CREATE TABLE marketplace_service_media (
    service_id uuid    NOT NULL REFERENCES marketplace_service (id) ON DELETE CASCADE,
    position   integer NOT NULL,
    media_id   uuid    NOT NULL,
    PRIMARY KEY (service_id, position)
);

-- A contract made by ordering a service: who ordered which tier, as the tier was then (the service may change later).
CREATE TABLE marketplace_service_order (
    contract_id   uuid        PRIMARY KEY REFERENCES marketplace_contract (id),
    service_id    uuid        NOT NULL REFERENCES marketplace_service (id),
    client_id     uuid        NOT NULL,
    level         text        NOT NULL CHECK (level IN ('BASIC', 'STANDARD', 'PREMIUM')),
    name          text        NOT NULL,
    price         bigint      NOT NULL CHECK (price > 0),
    currency      text        NOT NULL,
    delivery_days integer     NOT NULL,
    revisions     integer     NOT NULL,
    included      text        NOT NULL DEFAULT '',
    ordered_at    timestamptz NOT NULL
);
CREATE INDEX marketplace_service_order_service ON marketplace_service_order (service_id, ordered_at DESC);
CREATE INDEX marketplace_service_order_client ON marketplace_service_order (client_id, ordered_at DESC);

-- The client's answers to the service's requirements, with the questions as they were asked.
CREATE TABLE marketplace_service_order_answer (
    contract_id uuid    NOT NULL REFERENCES marketplace_service_order (contract_id) ON DELETE CASCADE,
    position    integer NOT NULL,
    question    text    NOT NULL,
    answer      text    NOT NULL,
    PRIMARY KEY (contract_id, position)
);

-- A contract from a service: the service, and how many times per milestone the client may ask for changes (the
-- tier's revisions; none recorded for a contract hired from a job, whose client asks as often as they need).
ALTER TABLE marketplace_contract
    ADD COLUMN service_id        uuid    REFERENCES marketplace_service (id),
    ADD COLUMN revisions_allowed integer CHECK (revisions_allowed >= 0);
CREATE INDEX marketplace_contract_service ON marketplace_contract (service_id) WHERE service_id IS NOT NULL;
