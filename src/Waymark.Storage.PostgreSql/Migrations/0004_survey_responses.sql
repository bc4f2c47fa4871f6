-- Survey answers of each workspace (NPS, CSAT, CES), in arrival order; the subject names a touchpoint or a stage.
CREATE TABLE survey_responses (
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sequence BIGINT NOT NULL,
    customer TEXT NOT NULL,
    subject TEXT NOT NULL,
    metric TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT NULL,
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (workspace_id, sequence)
);
