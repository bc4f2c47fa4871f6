-- Alerts and follow-ups: rules per journey, webhook endpoints, and an outbox of what fired.

-- Rules, as JSON (their fields vary by kind); journey_id is kept apart so deleting a journey can find its rules.
CREATE TABLE alert_rules (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    journey_id UUID NOT NULL,
    enabled BOOLEAN NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- A threshold rule's state: whether its condition held at the last evaluation, and how often it started to hold.
CREATE TABLE alert_rule_state (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    rule_id UUID NOT NULL,
    holding BOOLEAN NOT NULL,
    episodes BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, rule_id)
);

-- Each occurrence that fired, once: the primary key is what makes "never twice" hold across restarts.
CREATE TABLE alert_firings (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    rule_id UUID NOT NULL,
    occurrence TEXT NOT NULL,
    notification_id UUID NOT NULL,
    fired_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, rule_id, occurrence)
);

CREATE TABLE webhook_endpoints (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

CREATE TABLE notifications (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    rule_id UUID NOT NULL,
    journey_id UUID NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    read_at BIGINT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX notifications_by_time ON notifications (workspace_id, created_at);

-- The webhook outbox: a delivery is pending until a 2xx, dead after the last retry; every attempt is logged.
CREATE TABLE webhook_deliveries (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    endpoint_id UUID NOT NULL,
    notification_id UUID NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

CREATE TABLE webhook_attempts (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    delivery_id UUID NOT NULL,
    attempt INTEGER NOT NULL,
    at BIGINT NOT NULL,
    status_code INTEGER NULL,
    error TEXT NULL,
    duration_ms BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, delivery_id, attempt)
);
