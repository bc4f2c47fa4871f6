-- Survey answers of each workspace (NPS, CSAT, CES), in arrival order; the subject names a touchpoint or a stage.
CREATE TABLE survey_responses (
    workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sequence INTEGER NOT NULL,
    customer TEXT NOT NULL,
    subject TEXT NOT NULL,
    metric TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT NULL,
    answered_at INTEGER NOT NULL,
    PRIMARY KEY (workspace_id, sequence)
);
