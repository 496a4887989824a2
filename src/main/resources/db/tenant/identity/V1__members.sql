-- Members of the tenant: the tenant-local profile of a Keycloak user. Keycloak holds credentials and role
-- assignments; `member_role` is the copy the member list filters on, refreshed whenever roles change here and from
-- the member's own token on every profile read.
CREATE TABLE member (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL UNIQUE,
    email        text,
    display_name text        NOT NULL,
    avatar_url   text,
    bio          text,
    locale       text,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL DEFAULT 0
);

CREATE INDEX member_display_name ON member (lower(display_name));
CREATE INDEX member_email ON member (lower(email));

CREATE TABLE member_skill (
    member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    skill     text NOT NULL,
    PRIMARY KEY (member_id, skill)
);

CREATE TABLE member_role (
    member_id uuid NOT NULL REFERENCES member (id) ON DELETE CASCADE,
    role      text NOT NULL CHECK (role IN ('ADMIN', 'CLIENT', 'PROFESSIONAL', 'STUDENT', 'ADVERTISER')),
    PRIMARY KEY (member_id, role)
);

CREATE INDEX member_role_role ON member_role (role);
