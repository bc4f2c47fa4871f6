-- Alerts and follow-ups: rules per journey, webhook endpoints, and an outbox of what fired.

-- Rules, as JSON (their fields vary by kind); journey_id is kept apart so deleting a journey can find its rules.
CREATE TABLE alert_rules (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    enabled INTEGER NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- A threshold rule's state: whether its condition held at the last evaluation, and how often it started to hold.
CREATE TABLE alert_rule_state (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    holding INTEGER NOT NULL,
    episodes INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, rule_id)
);

-- Each occurrence that fired, once: the primary key is what makes "never twice" hold across restarts.
CREATE TABLE alert_firings (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    rule_id TEXT NOT NULL,
    occurrence TEXT NOT NULL,
    notification_id TEXT NOT NULL,
    fired_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, rule_id, occurrence)
);

CREATE TABLE webhook_endpoints (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE notifications (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    journey_id TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    read_at INTEGER NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notifications_by_time ON notifications (workspace_id, created_at);

-- The webhook outbox: a delivery is pending until a 2xx, dead after the last retry; every attempt is logged.
CREATE TABLE webhook_deliveries (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    notification_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at INTEGER NULL,
    created_at INTEGER NOT NULL,
    delivered_at INTEGER NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_attempts (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    delivery_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    at INTEGER NOT NULL,
    status_code INTEGER NULL,
    error TEXT NULL,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, delivery_id, attempt)
);
