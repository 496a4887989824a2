-- The marketplace in a tenant: categories and skills, professionals' profiles and portfolios, clients' jobs,
-- professionals' proposals, and the contracts that hiring makes, with milestones paid into escrow (billing) and
-- released when the client approves the work. Money is in integer minor units with an ISO currency.

-- The tenant's marketplace settings, one row.
CREATE TABLE marketplace_settings (
    singleton                  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    auto_release_days          integer     NOT NULL DEFAULT 14 CHECK (auto_release_days BETWEEN 1 AND 90),
    monthly_proposals          integer     NOT NULL DEFAULT 30 CHECK (monthly_proposals BETWEEN 1 AND 1000),
    premium_monthly_proposals  integer     NOT NULL DEFAULT 80 CHECK (premium_monthly_proposals BETWEEN 1 AND 1000),
    early_access_hours         integer     NOT NULL DEFAULT 0 CHECK (early_access_hours BETWEEN 0 AND 168),
    updated_at                 timestamptz,
    version                    bigint      NOT NULL DEFAULT 0
);
INSERT INTO marketplace_settings (singleton) VALUES (true);

CREATE TABLE marketplace_category (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    description text,
    position    integer     NOT NULL DEFAULT 0,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);

CREATE TABLE marketplace_skill (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    category_id uuid        REFERENCES marketplace_category (id),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
CREATE INDEX marketplace_skill_category ON marketplace_skill (category_id);

-- A professional's profile. The facts (completed contracts, ratings, on-time deliveries, repeat clients) are kept
-- by the marketplace from contracts and reviews, never written by the professional.
CREATE TABLE marketplace_profile (
    member_id           uuid        PRIMARY KEY,
    display_name        text        NOT NULL,
    headline            text        NOT NULL,
    bio                 text        NOT NULL DEFAULT '',
    hourly_rate         bigint      CHECK (hourly_rate > 0),
    currency            text        CHECK (currency ~ '^[a-z]{3}$'),
    location            text,
    time_zone           text,
    availability        text        NOT NULL DEFAULT 'AVAILABLE'
        CHECK (availability IN ('AVAILABLE', 'LIMITED', 'UNAVAILABLE')),
    languages           text        NOT NULL DEFAULT '',   -- space-separated BCP 47 tags
    visibility          text        NOT NULL DEFAULT 'MEMBERS' CHECK (visibility IN ('MEMBERS', 'PUBLIC')),
    skill_names         text        NOT NULL DEFAULT '',   -- for search: the names of its skills
    completed_contracts integer     NOT NULL DEFAULT 0,
    on_time_milestones  integer     NOT NULL DEFAULT 0,
    released_milestones integer     NOT NULL DEFAULT 0,
    rating_sum          integer     NOT NULL DEFAULT 0,
    rating_count        integer     NOT NULL DEFAULT 0,
    repeat_clients      integer     NOT NULL DEFAULT 0,
    active              boolean     NOT NULL DEFAULT true,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    CHECK ((hourly_rate IS NULL) = (currency IS NULL)),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', headline), 'A')
        || setweight(to_tsvector('english', skill_names), 'A')
        || setweight(to_tsvector('english', bio), 'B')) STORED
);
CREATE INDEX marketplace_profile_search ON marketplace_profile USING gin (search);

CREATE TABLE marketplace_profile_skill (
    member_id uuid NOT NULL REFERENCES marketplace_profile (member_id) ON DELETE CASCADE,
    skill_id  uuid NOT NULL REFERENCES marketplace_skill (id),
    PRIMARY KEY (member_id, skill_id)
);
CREATE INDEX marketplace_profile_skill_skill ON marketplace_profile_skill (skill_id);

CREATE TABLE marketplace_portfolio_item (
    id          uuid        PRIMARY KEY,
    member_id   uuid        NOT NULL REFERENCES marketplace_profile (member_id) ON DELETE CASCADE,
    title       text        NOT NULL,
    description text,
    media_id    uuid,
    link        text,
    position    integer     NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX marketplace_portfolio_member ON marketplace_portfolio_item (member_id, position);

-- A client's job.
CREATE TABLE marketplace_job (
    id             uuid        PRIMARY KEY,
    client_id      uuid        NOT NULL,
    title          text        NOT NULL,
    description    text        NOT NULL,
    category_id    uuid        REFERENCES marketplace_category (id),
    pricing        text        NOT NULL CHECK (pricing IN ('FIXED', 'HOURLY')),
    currency       text        NOT NULL CHECK (currency ~ '^[a-z]{3}$'),
    budget_min     bigint      CHECK (budget_min > 0),
    budget_max     bigint      CHECK (budget_max > 0),
    duration       text        CHECK (duration IN ('UNDER_A_MONTH', 'ONE_TO_THREE_MONTHS', 'THREE_TO_SIX_MONTHS',
                                                   'OVER_SIX_MONTHS')),
    experience     text        NOT NULL DEFAULT 'INTERMEDIATE' CHECK (experience IN ('ENTRY', 'INTERMEDIATE', 'EXPERT')),
    visibility     text        NOT NULL DEFAULT 'MEMBERS' CHECK (visibility IN ('MEMBERS', 'INVITED', 'PUBLIC')),
    deadline       date,
    status         text        NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'CLOSED', 'FILLED', 'CANCELLED')),
    skill_names    text        NOT NULL DEFAULT '',
    proposal_count integer     NOT NULL DEFAULT 0,
    published_at   timestamptz,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    CHECK (budget_min IS NULL OR budget_max IS NULL OR budget_min <= budget_max),
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A')
        || setweight(to_tsvector('english', skill_names), 'A')
        || setweight(to_tsvector('english', description), 'B')) STORED
);
CREATE INDEX marketplace_job_search ON marketplace_job USING gin (search);
CREATE INDEX marketplace_job_open ON marketplace_job (published_at DESC, id) WHERE status = 'OPEN';
CREATE INDEX marketplace_job_client ON marketplace_job (client_id, created_at DESC);

CREATE TABLE marketplace_job_skill (
    job_id   uuid NOT NULL REFERENCES marketplace_job (id) ON DELETE CASCADE,
    skill_id uuid NOT NULL REFERENCES marketplace_skill (id),
    PRIMARY KEY (job_id, skill_id)
);
CREATE INDEX marketplace_job_skill_skill ON marketplace_job_skill (skill_id);

CREATE TABLE marketplace_job_question (
    job_id   uuid    NOT NULL REFERENCES marketplace_job (id) ON DELETE CASCADE,
    position integer NOT NULL,
    question text    NOT NULL,
    PRIMARY KEY (job_id, position)
);

CREATE TABLE marketplace_job_attachment (
    job_id   uuid NOT NULL REFERENCES marketplace_job (id) ON DELETE CASCADE,
    media_id uuid NOT NULL,
    PRIMARY KEY (job_id, media_id)
);

CREATE TABLE marketplace_invitation (
    job_id          uuid        NOT NULL REFERENCES marketplace_job (id) ON DELETE CASCADE,
    professional_id uuid        NOT NULL,
    message         text,
    invited_at      timestamptz NOT NULL,
    PRIMARY KEY (job_id, professional_id)
);
CREATE INDEX marketplace_invitation_professional ON marketplace_invitation (professional_id, invited_at DESC);

-- A professional's proposal on a job: one per professional and job, revised in place while it is open.
CREATE TABLE marketplace_proposal (
    id                 uuid        PRIMARY KEY,
    job_id             uuid        NOT NULL REFERENCES marketplace_job (id),
    professional_id    uuid        NOT NULL,
    cover_letter       text        NOT NULL,
    bid                bigint      NOT NULL CHECK (bid > 0),
    currency           text        NOT NULL,
    estimated_days     integer     CHECK (estimated_days > 0),
    status             text        NOT NULL
        CHECK (status IN ('SUBMITTED', 'SHORTLISTED', 'DECLINED', 'WITHDRAWN', 'HIRED')),
    decline_reason     text,
    archived           boolean     NOT NULL DEFAULT false,
    submitted_at       timestamptz NOT NULL,
    revised_at         timestamptz,
    decided_at         timestamptz,
    version            bigint      NOT NULL DEFAULT 0,
    UNIQUE (job_id, professional_id)
);
CREATE INDEX marketplace_proposal_professional ON marketplace_proposal (professional_id, submitted_at DESC);
CREATE INDEX marketplace_proposal_job ON marketplace_proposal (job_id, submitted_at DESC);

CREATE TABLE marketplace_proposal_answer (
    proposal_id uuid    NOT NULL REFERENCES marketplace_proposal (id) ON DELETE CASCADE,
    position    integer NOT NULL,
    answer      text    NOT NULL,
    PRIMARY KEY (proposal_id, position)
);

CREATE TABLE marketplace_proposal_attachment (
    proposal_id uuid NOT NULL REFERENCES marketplace_proposal (id) ON DELETE CASCADE,
    media_id    uuid NOT NULL,
    PRIMARY KEY (proposal_id, media_id)
);

-- A contract between a client and a professional, made by hiring a proposal.
CREATE TABLE marketplace_contract (
    id              uuid        PRIMARY KEY,
    job_id          uuid        REFERENCES marketplace_job (id),
    proposal_id     uuid        UNIQUE REFERENCES marketplace_proposal (id),
    client_id       uuid        NOT NULL,
    professional_id uuid        NOT NULL,
    title           text        NOT NULL,
    currency        text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
    needs_admin     boolean     NOT NULL DEFAULT false,   -- a party left the tenant: an admin takes it over
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    end_reason      text,
    version         bigint      NOT NULL DEFAULT 0,
    CHECK (client_id <> professional_id)
);
CREATE INDEX marketplace_contract_client ON marketplace_contract (client_id, started_at DESC);
CREATE INDEX marketplace_contract_professional ON marketplace_contract (professional_id, started_at DESC);

-- A fixed-price milestone: funded into escrow before work starts, submitted, approved (released) or disputed.
CREATE TABLE marketplace_milestone (
    id              uuid        PRIMARY KEY,
    contract_id     uuid        NOT NULL REFERENCES marketplace_contract (id),
    position        integer     NOT NULL,
    title           text        NOT NULL,
    amount          bigint      NOT NULL CHECK (amount > 0),
    currency        text        NOT NULL,
    due_date        date,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'FUNDED', 'SUBMITTED', 'DISPUTED',
                                                           'RELEASING', 'RELEASED', 'REFUNDING', 'REFUNDED',
                                                           'CANCELLED')),
    escrow_id       uuid,
    funded_at       timestamptz,
    submitted_at    timestamptz,
    release_due_at  timestamptz,     -- released automatically then if the client has not answered the submission
    approved_at     timestamptz,
    released_at     timestamptz,
    released_amount bigint,
    refunded_amount bigint,
    created_at      timestamptz NOT NULL,
    version         bigint      NOT NULL DEFAULT 0,
    UNIQUE (contract_id, position)
);
CREATE INDEX marketplace_milestone_escrow ON marketplace_milestone (escrow_id);

-- Work submitted for a milestone, and the client's answer.
CREATE TABLE marketplace_submission (
    id            uuid        PRIMARY KEY,
    milestone_id  uuid        NOT NULL REFERENCES marketplace_milestone (id),
    message       text        NOT NULL,
    submitted_at  timestamptz NOT NULL,
    answer        text        CHECK (answer IN ('APPROVED', 'CHANGES_REQUESTED', 'AUTO_APPROVED', 'DISPUTED')),
    answer_note   text,
    answered_at   timestamptz
);
CREATE INDEX marketplace_submission_milestone ON marketplace_submission (milestone_id, submitted_at DESC);

CREATE TABLE marketplace_submission_attachment (
    submission_id uuid NOT NULL REFERENCES marketplace_submission (id),
    media_id      uuid NOT NULL,
    PRIMARY KEY (submission_id, media_id)
);

-- A dispute over a funded milestone: the funds are frozen until a tenant admin decides (refund, release, split).
CREATE TABLE marketplace_dispute (
    id             uuid        PRIMARY KEY,
    milestone_id   uuid        NOT NULL REFERENCES marketplace_milestone (id),
    opened_by      uuid        NOT NULL,
    reason         text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('OPEN', 'DECIDED')),
    decision       text        CHECK (decision IN ('REFUND', 'RELEASE', 'SPLIT')),
    released       bigint,
    decided_by     uuid,
    decision_note  text,
    opened_at      timestamptz NOT NULL,
    decided_at     timestamptz,
    version        bigint      NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX marketplace_dispute_open ON marketplace_dispute (milestone_id) WHERE status = 'OPEN';
CREATE INDEX marketplace_dispute_status ON marketplace_dispute (status, opened_at);
