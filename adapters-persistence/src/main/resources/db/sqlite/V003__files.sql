-- The Files API (issue 19). A row exists only once the file's bytes are all on disk, at <data dir>/files/<id>, so a
-- reader never sees half a file; deleting removes the row first, then the bytes. Times are Unix seconds, as the
-- API shows them; expires_at is NULL for a file kept until deleted.
CREATE TABLE files (
    id         TEXT PRIMARY KEY CHECK (id LIKE 'file-%'),
    filename   TEXT NOT NULL,
    purpose    TEXT NOT NULL CHECK (purpose IN ('assistants', 'assistants_output', 'batch', 'batch_output',
                                                'fine-tune', 'fine-tune-results', 'vision', 'user_data')),
    bytes      INTEGER NOT NULL CHECK (bytes >= 0),
    created_at INTEGER NOT NULL,
    expires_at INTEGER
) STRICT;

-- GET /v1/files pages by creation time, either way, with the id breaking ties; purpose filters.
CREATE INDEX files_by_creation ON files (created_at, id);
CREATE INDEX files_by_purpose ON files (purpose, created_at, id);
