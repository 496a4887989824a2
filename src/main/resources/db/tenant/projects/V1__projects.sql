-- Projects and tasks. Members are referred to by their member id (identity module); no foreign key crosses modules.
CREATE TABLE project (
    id          uuid        PRIMARY KEY,
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description text,
    status      text        NOT NULL CHECK (status IN ('PLANNING', 'ACTIVE', 'ON_HOLD', 'DONE', 'ARCHIVED')),
    visibility  text        NOT NULL CHECK (visibility IN ('MEMBERS', 'TENANT')),
    start_date  date,
    target_date date,
    created_by  uuid        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0,
    CHECK (target_date IS NULL OR start_date IS NULL OR target_date >= start_date)
);

CREATE TABLE project_label (
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    label      text NOT NULL,
    PRIMARY KEY (project_id, label)
);

CREATE TABLE project_member (
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    member_id  uuid NOT NULL,
    role       text NOT NULL CHECK (role IN ('OWNER', 'EDITOR', 'VIEWER')),
    PRIMARY KEY (project_id, member_id)
);

CREATE INDEX project_member_member ON project_member (member_id);

CREATE TABLE milestone (
    id          uuid        PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    name        text        NOT NULL,
    description text,
    due_date    date,
    created_at  timestamptz NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);

CREATE INDEX milestone_project ON milestone (project_id);

CREATE TABLE task (
    id               uuid        PRIMARY KEY,
    project_id       uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    milestone_id     uuid        REFERENCES milestone (id) ON DELETE SET NULL,
    parent_id        uuid        REFERENCES task (id) ON DELETE CASCADE,
    title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    description      text,
    status           text        NOT NULL CHECK (status IN ('TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'CANCELLED')),
    priority         text        NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'URGENT')),
    -- Order inside the status column (kanban): sparse, so a move usually rewrites only the moved task.
    position         bigint      NOT NULL,
    start_date       date,
    due_date         date,
    estimate_minutes integer     CHECK (estimate_minutes IS NULL OR estimate_minutes >= 0),
    created_by       uuid        NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    closed_at        timestamptz,
    version          bigint      NOT NULL DEFAULT 0
);

CREATE INDEX task_board ON task (project_id, status, position);
CREATE INDEX task_milestone ON task (milestone_id);
CREATE INDEX task_parent ON task (parent_id);
CREATE INDEX task_due ON task (project_id, due_date);

CREATE TABLE task_assignee (
    task_id   uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    member_id uuid NOT NULL,
    PRIMARY KEY (task_id, member_id)
);

CREATE INDEX task_assignee_member ON task_assignee (member_id);

CREATE TABLE task_label (
    task_id uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    label   text NOT NULL,
    PRIMARY KEY (task_id, label)
);

-- "task_id is blocked by blocker_id"; cycles are refused by the application.
CREATE TABLE task_blocker (
    task_id    uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    blocker_id uuid NOT NULL REFERENCES task (id) ON DELETE CASCADE,
    PRIMARY KEY (task_id, blocker_id),
    CHECK (task_id <> blocker_id)
);

CREATE INDEX task_blocker_blocker ON task_blocker (blocker_id);

-- Every change to a project or task: who, when, which field, from what to what.
CREATE TABLE activity (
    id          uuid        PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    task_id     uuid        REFERENCES task (id) ON DELETE CASCADE,
    actor_id    uuid        NOT NULL,
    occurred_at timestamptz NOT NULL,
    field       text        NOT NULL,
    old_value   text,
    new_value   text
);

CREATE INDEX activity_project ON activity (project_id, occurred_at DESC);
CREATE INDEX activity_task ON activity (task_id, occurred_at DESC);
