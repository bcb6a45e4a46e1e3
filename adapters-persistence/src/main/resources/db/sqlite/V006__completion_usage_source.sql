-- Where a completion's token counts came from (issue 18): the upstream's usage, or the gateway's own tiktoken count
-- for a stream that ended without one. NULL when the row has no counts.
ALTER TABLE completions ADD COLUMN usage_source TEXT CHECK (usage_source IN ('upstream', 'tokenizer'));
