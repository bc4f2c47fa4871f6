-- Recorded events of each workspace, in source order (sequence), and the customers' properties.
CREATE TABLE events (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sequence BIGINT NOT NULL,
    customer TEXT NOT NULL,
    activity TEXT NOT NULL,
    occurred_at BIGINT NOT NULL,
    channel TEXT NULL,
    message_id TEXT NULL,
    import_id UUID NOT NULL,
    PRIMARY KEY (workspace_id, sequence)
);
CREATE UNIQUE INDEX events_by_message ON events (workspace_id, message_id) WHERE message_id IS NOT NULL;

CREATE TABLE customers (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer TEXT NOT NULL,
    properties TEXT NOT NULL,
    PRIMARY KEY (workspace_id, customer)
);

CREATE TABLE event_imports (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
