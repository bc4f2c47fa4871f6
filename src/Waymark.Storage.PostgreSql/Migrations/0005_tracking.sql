-- Live tracking: write keys, what the ingestion API needs to deduplicate and link customers, and what it keeps aside.

-- Workspace write keys for the ingestion API; only the SHA-256 of a key is stored.
CREATE TABLE write_keys (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    created_by UUID NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT NULL,
    last_used_at BIGINT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- An ingested event's fingerprint (its payload without sentAt), to tell a retry from a different event reusing a
-- message id; the anonymous id of an event sent without a user id; when it arrived; 'future' when its time was
-- more than 23 hours ahead of the server's.
ALTER TABLE events ADD COLUMN payload_hash TEXT NULL;
ALTER TABLE events ADD COLUMN anonymous_id TEXT NULL;
ALTER TABLE events ADD COLUMN received_at BIGINT NULL;
ALTER TABLE events ADD COLUMN flags TEXT NULL;
CREATE INDEX events_by_anonymous_id ON events (workspace_id, anonymous_id) WHERE anonymous_id IS NOT NULL;

ALTER TABLE survey_responses ADD COLUMN message_id TEXT NULL;
ALTER TABLE survey_responses ADD COLUMN payload_hash TEXT NULL;
ALTER TABLE survey_responses ADD COLUMN anonymous_id TEXT NULL;
CREATE UNIQUE INDEX survey_responses_by_message ON survey_responses (workspace_id, message_id) WHERE message_id IS NOT NULL;

-- Anonymous ids linked to a customer by identify calls; the first link stands.
CREATE TABLE identities (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    anonymous_id TEXT NOT NULL,
    customer TEXT NOT NULL,
    linked_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, anonymous_id)
);

-- Messages that reused a stored message id with a different payload: kept aside, not counted, for a person to judge.
CREATE TABLE message_conflicts (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    kind TEXT NOT NULL,
    message_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, id)
);

-- Ingested events and answers that failed validation, with the reason and the payload as sent, for inspection and replay;
-- a retried batch does not add its rejected messages again (same payload fingerprint).
CREATE TABLE failed_events (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    id UUID NOT NULL,
    kind TEXT NOT NULL,
    message_id TEXT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    payload TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    sent_at BIGINT NULL,
    replayed_at BIGINT NULL,
    PRIMARY KEY (workspace_id, id)
);
CREATE UNIQUE INDEX failed_events_by_fingerprint ON failed_events (workspace_id, fingerprint);
CREATE INDEX failed_events_by_time ON failed_events (workspace_id, received_at);
