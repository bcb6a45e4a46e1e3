-- The gateway's completion log (issue 18). The first eight data columns keep the FastAPI GPT integration's names, so
-- queries written against its database keep working: message (the request's messages as JSON), completion_id,
-- model_used (the model that answered), created_timestamp (Unix seconds), content, and the three token counts.
-- id is the gateway's request id, the x-request-id its caller got. Durations are nanoseconds; instants are UTC text
-- with nine fraction digits (SqliteInstants), so text order is time order.
CREATE TABLE completions (
    id                TEXT PRIMARY KEY,
    message           TEXT NOT NULL,
    completion_id     TEXT,
    model_used        TEXT,
    created_timestamp INTEGER NOT NULL,
    content           TEXT,
    prompt_tokens     INTEGER,
    completion_tokens INTEGER,
    total_tokens      INTEGER,
    model             TEXT NOT NULL,
    route             TEXT NOT NULL,
    endpoint          TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    ttft_ns           INTEGER,
    latency_ns        INTEGER NOT NULL,
    stream            INTEGER NOT NULL CHECK (stream IN (0, 1)),
    status            INTEGER NOT NULL CHECK (status BETWEEN 100 AND 599),
    error             TEXT
) STRICT;

-- GET /api/completions lists newest first, paged by (created_at, id); GET /api/usage groups by day.
CREATE INDEX completions_newest_first ON completions (created_at DESC, id DESC);
