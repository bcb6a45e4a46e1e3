-- The Batches API (issue 19). A batch's row carries what OpenAI's Batch object shows; times are Unix seconds.
-- request counts and token usage are summed here in the same transaction that records a line's answer, so they
-- never disagree with batch_lines after a crash.
CREATE TABLE batches (
    id                   TEXT PRIMARY KEY CHECK (id LIKE 'batch_%'),
    endpoint             TEXT NOT NULL,
    model                TEXT,
    input_file_id        TEXT NOT NULL,
    completion_window    TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('validating', 'failed', 'in_progress', 'finalizing',
                                                         'completed', 'expired', 'cancelling', 'cancelled')),
    output_file_id       TEXT,
    error_file_id        TEXT,
    output_expires_after INTEGER, -- seconds after their creation that the output files expire (anchor created_at)
    created_at           INTEGER NOT NULL,
    in_progress_at       INTEGER,
    expires_at           INTEGER NOT NULL,
    finalizing_at        INTEGER,
    completed_at         INTEGER,
    failed_at            INTEGER,
    expired_at           INTEGER,
    cancelling_at        INTEGER,
    cancelled_at         INTEGER,
    total                INTEGER NOT NULL DEFAULT 0,
    completed            INTEGER NOT NULL DEFAULT 0,
    failed               INTEGER NOT NULL DEFAULT 0,
    input_tokens         INTEGER NOT NULL DEFAULT 0,
    cached_tokens        INTEGER NOT NULL DEFAULT 0,
    output_tokens        INTEGER NOT NULL DEFAULT 0,
    reasoning_tokens     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- A failed batch's errors (OpenAI's BatchError objects), in the order found; metadata's string pairs. Rows, not
-- JSON, so the store needs no JSON library and a MongoDB store maps them the same way.
CREATE TABLE batch_errors (
    batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL CHECK (seq >= 1),
    code     TEXT NOT NULL,
    message  TEXT NOT NULL,
    param    TEXT,
    line     INTEGER CHECK (line >= 1),
    PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE batch_metadata (
    batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    key      TEXT NOT NULL,
    value    TEXT NOT NULL,
    PRIMARY KEY (batch_id, key)
) STRICT, WITHOUT ROWID;

CREATE INDEX batches_by_creation ON batches (created_at, id);
-- On start-up, the batches still to run or to finish.
CREATE INDEX batches_unfinished ON batches (status) WHERE status IN ('validating', 'in_progress', 'finalizing', 'cancelling');

-- One row per input line, written when the batch passes validation. A line is answered exactly once: its state
-- moves from 'pending' to 'done' (a 2xx response: a line of the output file) or 'failed' (any other response, or
-- none: a line of the error file, as OpenAI sorts them) together with its file line and the batch's counts, in one
-- transaction; after a restart only 'pending' lines run.
CREATE TABLE batch_lines (
    batch_id  TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    line      INTEGER NOT NULL CHECK (line >= 1),   -- 1-based line number in the input file
    custom_id TEXT NOT NULL,
    state     TEXT NOT NULL CHECK (state IN ('pending', 'done', 'failed')),
    output    TEXT,                                   -- the output or error file's line (JSON) once answered
    PRIMARY KEY (batch_id, line),
    UNIQUE (batch_id, custom_id)
) STRICT, WITHOUT ROWID;

CREATE INDEX batch_lines_pending ON batch_lines (batch_id, state, line);

-- Every status change of a batch, in order: GET /api/batches/{id}/events. at is UTC text with nine fraction
-- digits (SqliteInstants), so text order is time order.
CREATE TABLE batch_events (
    batch_id  TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    at        TEXT NOT NULL,
    status    TEXT NOT NULL,
    total     INTEGER NOT NULL,
    completed INTEGER NOT NULL,
    failed    INTEGER NOT NULL,
    PRIMARY KEY (batch_id, seq)
) STRICT, WITHOUT ROWID;
