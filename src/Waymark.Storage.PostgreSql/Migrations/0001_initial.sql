-- Waymark workspace store, PostgreSQL. Ids are uuid; times are Unix epoch milliseconds (UTC).
CREATE TABLE users (
    id UUID PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    failed_sign_ins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE workspaces (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE members (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role SMALLINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);

CREATE TABLE invitations (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    role SMALLINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, email)
);
CREATE INDEX invitations_by_email ON invitations (email);

CREATE TABLE api_tokens (
    id UUID PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NULL
);

CREATE TABLE journeys (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    kind SMALLINT NOT NULL,
    state SMALLINT NOT NULL,
    type SMALLINT NOT NULL,
    status SMALLINT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE workspace_objects (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    id UUID NOT NULL,
    name_key TEXT NOT NULL,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, kind, id),
    UNIQUE (workspace_id, kind, name_key)
);
