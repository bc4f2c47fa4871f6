-- Recorded events of each workspace, in source order (sequence), and the customers' properties.
CREATE TABLE events (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    customer TEXT NOT NULL,
    activity TEXT NOT NULL,
    occurred_at INTEGER NOT NULL,
    channel TEXT NULL,
    message_id TEXT NULL,
    import_id TEXT NOT NULL,
    PRIMARY KEY (workspace_id, sequence)
);
CREATE UNIQUE INDEX events_by_message ON events (workspace_id, message_id) WHERE message_id IS NOT NULL;

CREATE TABLE customers (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    customer TEXT NOT NULL,
    properties TEXT NOT NULL,
    PRIMARY KEY (workspace_id, customer)
);

CREATE TABLE event_imports (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
);
