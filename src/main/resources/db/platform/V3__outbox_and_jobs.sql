-- The transactional outbox: an event is written in the transaction of the change it reports, with one delivery row
-- per consumer that takes it; a relay delivers them after commit, at least once (docs/platform-services.md).
CREATE TABLE outbox_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id   uuid,                       -- null for events of the platform itself
    type        text        NOT NULL,
    payload     jsonb       NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX outbox_event_tenant ON outbox_event (tenant_id) WHERE tenant_id IS NOT NULL;

-- due_at is also the lease: a claimed delivery is due again when its lease runs out, so the deliveries of a replica
-- that died while delivering are taken over by another.
CREATE TABLE outbox_delivery (
    event_id     bigint      NOT NULL REFERENCES outbox_event (id) ON DELETE CASCADE,
    consumer     text        NOT NULL,
    status       text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'DISCARDED')),
    attempts     integer     NOT NULL DEFAULT 0,
    due_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_error   text,
    delivered_at timestamptz,
    PRIMARY KEY (event_id, consumer)
);
CREATE INDEX outbox_delivery_due ON outbox_delivery (due_at, event_id) WHERE status = 'PENDING';
CREATE INDEX outbox_delivery_failed ON outbox_delivery (event_id) WHERE status = 'FAILED';

-- An operator's hold on delivery (all replicas), e.g. while the mail provider is down. One row.
CREATE TABLE outbox_relay (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    paused     boolean     NOT NULL DEFAULT false,
    changed_at timestamptz NOT NULL DEFAULT now(),
    changed_by text
);
INSERT INTO outbox_relay DEFAULT VALUES;

-- db-scheduler's table, as its documentation gives it for PostgreSQL (version 16).
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- Jobs that failed every attempt: kept for an operator to read and retry (GET /api/v1/platform/jobs?status=failed).
CREATE TABLE failed_job (
    kind          text        NOT NULL,
    instance      text        NOT NULL,
    tenant_id     uuid,
    data          text        NOT NULL,
    attempts      integer     NOT NULL,
    last_error    text,
    failed_at     timestamptz NOT NULL,
    PRIMARY KEY (kind, instance)
);

-- Probes: an operator's end-to-end check of the job scheduler and the outbox relay (and their figures): a probe is
-- scheduled or published like real work, fails as often as asked, and records when it was picked up and completed.
CREATE TABLE probe (
    id               uuid        PRIMARY KEY,
    service          text        NOT NULL CHECK (service IN ('jobs', 'outbox')),
    requested_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    due_at           timestamptz NOT NULL,
    failures_wanted  integer     NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    first_started_at timestamptz,
    completed_at     timestamptz
);
