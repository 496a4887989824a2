-- Hourly contracts. Hiring a proposal on an hourly job makes a contract paid by the hour at the proposal's bid, up to a
-- weekly limit the client sets when hiring. The professional logs time in ISO weeks (Monday to Sunday) and submits a
-- week; the client approves it (which makes a milestone for its hours, funded by the client and released as soon as
-- it is funded: the work was approved already) or disputes it (the tenant's admins decide). Money is in integer minor
-- units of the contract's currency.

ALTER TABLE marketplace_contract
    ADD COLUMN pricing text NOT NULL DEFAULT 'FIXED' CHECK (pricing IN ('FIXED', 'HOURLY')),
    ADD COLUMN hourly_rate bigint CHECK (hourly_rate > 0),
    ADD COLUMN weekly_limit_minutes integer CHECK (weekly_limit_minutes BETWEEN 60 AND 4800),
    ADD CONSTRAINT marketplace_contract_hourly_terms CHECK (
        (pricing = 'HOURLY') = (hourly_rate IS NOT NULL) AND (hourly_rate IS NULL) = (weekly_limit_minutes IS NULL));

-- One week of an hourly contract: its entries change only while it is OPEN; SUBMITTED waits for the client, who
-- approves it or disputes it (DISPUTED waits for an admin, who approves it or opens it again for corrections).
CREATE TABLE marketplace_timesheet (
    id             uuid        PRIMARY KEY,
    contract_id    uuid        NOT NULL REFERENCES marketplace_contract (id),
    week_start     date        NOT NULL CHECK (extract(isodow FROM week_start) = 1),   -- the week's Monday
    status         text        NOT NULL CHECK (status IN ('OPEN', 'SUBMITTED', 'APPROVED', 'DISPUTED')),
    minutes        integer     NOT NULL DEFAULT 0 CHECK (minutes >= 0),                -- the entries' total
    entry_count    integer     NOT NULL DEFAULT 0 CHECK (entry_count >= 0),
    submitted_at   timestamptz,
    auto_submitted boolean     NOT NULL DEFAULT false,
    answered_at    timestamptz,
    answered_by    uuid,
    dispute_reason text,
    decision_note  text,
    created_at     timestamptz NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    UNIQUE (contract_id, week_start)
);
CREATE INDEX marketplace_timesheet_disputed ON marketplace_timesheet (submitted_at, id) WHERE status = 'DISPUTED';

CREATE TABLE marketplace_time_entry (
    id           uuid        PRIMARY KEY,
    timesheet_id uuid        NOT NULL REFERENCES marketplace_timesheet (id),
    work_date    date        NOT NULL,
    minutes      integer     NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    description  text        NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0
);
CREATE INDEX marketplace_time_entry_timesheet ON marketplace_time_entry (timesheet_id, work_date, created_at);

-- The milestone that pays an approved week (one per week); released as soon as the client has funded it.
ALTER TABLE marketplace_milestone ADD COLUMN timesheet_id uuid UNIQUE REFERENCES marketplace_timesheet (id);
