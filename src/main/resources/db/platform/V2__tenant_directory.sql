-- The tenant directory: one row per organisation onboarded onto the platform. A tenant's own data lives in its
-- schema (schema_name, in database_name); this table only says where, in what state, and how it is branded.
CREATE TABLE tenant (
    id                       uuid        PRIMARY KEY,
    slug                     text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{2,39}$'),
    name                     text        NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    kind                     text        NOT NULL CHECK (kind IN ('SCHOOL', 'AGENCY', 'COMMUNITY', 'OTHER')),
    status                   text        NOT NULL CHECK (status IN ('PROVISIONING', 'ACTIVE', 'SUSPENDED', 'ARCHIVED',
                                                                    'FAILED', 'DELETED')),
    plan                     text        NOT NULL,
    display_name             text,
    logo_url                 text,
    primary_color            text,
    accent_color             text,
    favicon_url              text,
    locale                   text,
    support_email            text,
    database_name            text        NOT NULL,
    schema_name              text        NOT NULL UNIQUE,
    schema_version           text,
    keycloak_organization_id text,
    keycloak_client_id       text,
    failure_reason           text,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    status_changed_at        timestamptz NOT NULL,
    version                  bigint      NOT NULL DEFAULT 0
);

CREATE INDEX tenant_status ON tenant (status);
CREATE INDEX tenant_name ON tenant (lower(name));

CREATE TABLE tenant_module (
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    module    text NOT NULL,
    PRIMARY KEY (tenant_id, module)
);

-- A domain serves at most one tenant: the Host header of a request picks the tenant without the /t/{slug} prefix.
CREATE TABLE tenant_domain (
    domain    text PRIMARY KEY CHECK (domain = lower(domain)),
    tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE
);

CREATE INDEX tenant_domain_tenant ON tenant_domain (tenant_id);
