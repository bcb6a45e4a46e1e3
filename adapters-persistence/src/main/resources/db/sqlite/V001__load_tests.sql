-- Load-test runs (issue 17). plan and result are the JSON documents the API shows, kept whole.
-- Instants are UTC text with nine fraction digits (SqliteInstants), so text order is time order.
CREATE TABLE load_test_runs (
    id          TEXT PRIMARY KEY,
    status      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'cancelled', 'failed', 'interrupted')),
    plan        TEXT NOT NULL,
    result      TEXT,
    failure     TEXT,
    created_at  TEXT NOT NULL,
    started_at  TEXT,
    finished_at TEXT
) STRICT;

-- GET /api/load-tests lists newest first, paged by (created_at, id).
CREATE INDEX load_test_runs_newest_first ON load_test_runs (created_at DESC, id DESC);

-- Start-up looks for the runs a restart cut; few rows are ever unfinished.
CREATE INDEX load_test_runs_unfinished ON load_test_runs (status) WHERE status IN ('queued', 'running');
