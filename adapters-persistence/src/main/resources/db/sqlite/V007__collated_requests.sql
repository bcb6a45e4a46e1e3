-- The collating jump server (issue 20): chat completion requests held for upstream batches, stored when their window
-- closes, and the status log of those upstream batches. A request's answer is its batch line's status and body as the
-- upstream wrote them; a failure is the OpenAI error its caller gets. Instants are UTC text (SqliteInstants).
CREATE TABLE collated_requests (
    id              TEXT PRIMARY KEY,
    route           TEXT NOT NULL,
    model           TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    body            TEXT NOT NULL,
    mode            TEXT NOT NULL CHECK (mode IN ('sync', 'async', 'cache')),
    custom_id       TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('waiting', 'submitted', 'answered', 'failed')),
    batch_id        TEXT,
    answer_status   INTEGER,
    answer_body     TEXT,
    failure_status  INTEGER,
    failure_type    TEXT,
    failure_code    TEXT,
    failure_message TEXT,
    created_at      TEXT NOT NULL,
    finished_at     TEXT
) STRICT;

-- The cache mode's lookup: the newest successful answer to an identical request.
CREATE INDEX collated_requests_answered ON collated_requests (request_hash, finished_at)
    WHERE state = 'answered' AND answer_status BETWEEN 200 AND 299;
-- On start-up, the requests whose upstream batches are followed again.
CREATE INDEX collated_requests_submitted ON collated_requests (created_at) WHERE state = 'submitted';

CREATE TABLE collate_batch_status (
    seq       INTEGER PRIMARY KEY,
    batch_id  TEXT NOT NULL,
    route     TEXT NOT NULL,
    at        TEXT NOT NULL,
    status    TEXT NOT NULL,
    total     INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    failed    INTEGER NOT NULL
) STRICT;

CREATE INDEX collate_batch_status_by_batch ON collate_batch_status (batch_id, seq);
