-- Webhook deliveries (issue 19): one row per event and endpoint, its X-Webhook-Id the same on every attempt so a
-- receiver can drop duplicates; one row per attempt. The body is kept as sent (it carries no secret); the secret
-- and the signature are never stored. Instants are UTC text with nine fraction digits (SqliteInstants).
CREATE TABLE webhooks (
    id              TEXT PRIMARY KEY,
    batch_id        TEXT NOT NULL,
    event           TEXT NOT NULL,
    url             TEXT NOT NULL,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT
) STRICT;

CREATE INDEX webhooks_by_batch ON webhooks (batch_id, created_at);
-- On start-up, the deliveries still to try.
CREATE INDEX webhooks_pending ON webhooks (next_attempt_at) WHERE state = 'pending';

CREATE TABLE webhook_attempts (
    webhook_id  TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    attempt     INTEGER NOT NULL CHECK (attempt >= 1),
    at          TEXT NOT NULL,
    status_code INTEGER,        -- the receiver's HTTP status, NULL when no answer came
    error       TEXT,           -- why no 2xx: the status line or the connection failure
    duration_ns INTEGER NOT NULL,
    PRIMARY KEY (webhook_id, attempt)
) STRICT, WITHOUT ROWID;
