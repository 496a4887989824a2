-- Media of a tenant (platform service): one row per uploaded file, its processing and its owner. The bytes live in
-- object storage under t/<tenant id>/m/<media id>/<variant>; this row is the only way to them.
CREATE TABLE media (
    id             uuid        PRIMARY KEY,
    kind           text        NOT NULL CHECK (kind IN ('image', 'video', 'audio', 'document')),
    content_type   text        NOT NULL,
    filename       text        NOT NULL,
    size_bytes     bigint      NOT NULL CHECK (size_bytes >= 0),
    stored_bytes   bigint      NOT NULL DEFAULT 0,  -- original and variants: what counts against the plan's quota
    visibility     text        NOT NULL CHECK (visibility IN ('public', 'private')),
    status         text        NOT NULL CHECK (status IN ('awaiting-upload', 'pending', 'processing', 'ready', 'failed')),
    progress       integer     NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    failure        text,
    note           text,                            -- what processing could not do, e.g. no poster for a codec
    width          integer,
    height         integer,
    duration_ms    bigint,
    variants       text        NOT NULL DEFAULT '',  -- comma-separated names besides the original: thumbnail,medium,poster
    owner_module   text,
    owner_type     text,
    owner_id       text,
    uploaded_by    uuid,                            -- the member; null for the platform (a tenant's logo file)
    created_at     timestamptz NOT NULL,
    attached_at    timestamptz,
    version        bigint      NOT NULL DEFAULT 0
);
CREATE INDEX media_owner ON media (owner_module, owner_type, owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX media_unattached ON media (created_at) WHERE owner_id IS NULL;
