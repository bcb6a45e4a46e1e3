#!/usr/bin/env bash
# Issue 15, item 7: time to answer a chat prompt that is one run of `a` of 1, 8, 16 and 31 MB,
# against a running server (bin/workbench run, or BASE=http://host:port).
#   bench/long-word.sh [model ...]     default models: gpt-4o (128,000-token window) and gpt-4.1 (1,047,576)
set -euo pipefail
BASE="${BASE:-http://localhost:9080}"
models=("$@"); [ ${#models[@]} -gt 0 ] || models=(gpt-4o gpt-4.1)
body=$(mktemp); trap 'rm -f "$body"' EXIT
printf 'model\tMB\tstatus\tseconds\tcode\n'
for model in "${models[@]}"; do
  for mb in 1 8 16 31; do
    python3 -c "import sys; sys.stdout.write('{\"model\":\"$model\",\"messages\":[{\"role\":\"user\",\"content\":\"' + 'a' * ($mb * 1024 * 1024) + '\"}]}')" > "$body"
    out=$(curl -s -o /tmp/long-word-answer.json -w '%{http_code}\t%{time_total}' --max-time 120 \
      -H 'Content-Type: application/json' -H 'X-TTFT-MS: 0' -H 'X-ITL-MS: 0' --data-binary "@$body" "$BASE/v1/chat/completions" || true)
    code=$(python3 -c "import json; print((json.load(open('/tmp/long-word-answer.json')).get('error') or {}).get('code') or '-')" 2>/dev/null || echo '-')
    printf '%s\t%s\t%s\t%s\n' "$model" "$mb" "$out" "$code"
  done
done
