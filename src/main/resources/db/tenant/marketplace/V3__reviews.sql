-- Reviews: when a contract ends with work paid in it, each party reviews the other (an overall rating and criteria,
-- 1 to 5, and a text; the client also gives private feedback). Double-blind: a review is sealed until both have
-- written or the window (14 days) ends, then both are published at once.

-- The review window of an ended contract, one per contract; published_at is set when its reviews are published
-- (both written, or the window's end job ran).
CREATE TABLE marketplace_review_window (
    contract_id     uuid        PRIMARY KEY REFERENCES marketplace_contract (id),
    client_id       uuid        NOT NULL,
    professional_id uuid        NOT NULL,
    contract_title  text        NOT NULL,
    opened_at       timestamptz NOT NULL,
    closes_at       timestamptz NOT NULL,
    published_at    timestamptz,
    version         bigint      NOT NULL DEFAULT 0,
    CHECK (closes_at > opened_at)
);
CREATE INDEX marketplace_review_window_client ON marketplace_review_window (client_id, closes_at)
    WHERE published_at IS NULL;
CREATE INDEX marketplace_review_window_professional ON marketplace_review_window (professional_id, closes_at)
    WHERE published_at IS NULL;

-- A review of one party by the other. The criteria are those of the reviewed side (a professional: quality,
-- communication, expertise, deadlines, value; a client: clarity, communication, payment promptness); the private
-- feedback (a score of 1 to 10 and whether they would hire again) is the client's only and is never shown.
CREATE TABLE marketplace_review (
    id                 uuid        PRIMARY KEY,
    contract_id        uuid        NOT NULL REFERENCES marketplace_review_window (contract_id),
    contract_title     text        NOT NULL,
    author_id          uuid        NOT NULL,
    subject_id         uuid        NOT NULL,
    author_part        text        NOT NULL CHECK (author_part IN ('CLIENT', 'PROFESSIONAL')),
    overall            smallint    NOT NULL CHECK (overall BETWEEN 1 AND 5),
    quality            smallint    CHECK (quality BETWEEN 1 AND 5),
    communication      smallint    NOT NULL CHECK (communication BETWEEN 1 AND 5),
    expertise          smallint    CHECK (expertise BETWEEN 1 AND 5),
    deadlines          smallint    CHECK (deadlines BETWEEN 1 AND 5),
    value_for_money    smallint    CHECK (value_for_money BETWEEN 1 AND 5),
    clarity            smallint    CHECK (clarity BETWEEN 1 AND 5),
    payment_promptness smallint    CHECK (payment_promptness BETWEEN 1 AND 5),
    text               text        NOT NULL,
    private_score      smallint    CHECK (private_score BETWEEN 1 AND 10),
    would_hire_again   boolean,
    written_at         timestamptz NOT NULL,
    published_at       timestamptz,
    reply              text,
    replied_at         timestamptz,
    hidden_at          timestamptz,
    hidden_by          uuid,
    hidden_reason      text,
    -- whether its overall rating is in the reviewed professional's profile facts now (they may have had no profile)
    counted_on_profile boolean     NOT NULL DEFAULT false,
    version            bigint      NOT NULL DEFAULT 0,
    UNIQUE (contract_id, author_id),
    CHECK (author_id <> subject_id),
    CHECK ((author_part = 'CLIENT') = (quality IS NOT NULL AND expertise IS NOT NULL AND deadlines IS NOT NULL
                                       AND value_for_money IS NOT NULL AND private_score IS NOT NULL
                                       AND would_hire_again IS NOT NULL)),
    CHECK ((author_part = 'PROFESSIONAL') = (clarity IS NOT NULL AND payment_promptness IS NOT NULL)),
    CHECK ((reply IS NULL) = (replied_at IS NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_by IS NULL))
);
CREATE INDEX marketplace_review_subject ON marketplace_review (subject_id, author_part, published_at DESC)
    WHERE published_at IS NOT NULL;

-- The clients' private feedback on a professional, as totals: what is shown moves only once three answers (or
-- withdrawals, when an admin hides a review) have gathered, so no one client's answer can be read off a change.
CREATE TABLE marketplace_private_feedback_score (
    member_id          uuid        PRIMARY KEY,
    answers            integer     NOT NULL DEFAULT 0 CHECK (answers >= 0),
    score_sum          integer     NOT NULL DEFAULT 0 CHECK (score_sum >= 0),
    would_hire_again   integer     NOT NULL DEFAULT 0 CHECK (would_hire_again >= 0),
    pending_events     integer     NOT NULL DEFAULT 0,
    pending_answers    integer     NOT NULL DEFAULT 0,
    pending_score_sum  integer     NOT NULL DEFAULT 0,
    pending_hire_again integer     NOT NULL DEFAULT 0,
    updated_at         timestamptz NOT NULL,
    version            bigint      NOT NULL DEFAULT 0
);
