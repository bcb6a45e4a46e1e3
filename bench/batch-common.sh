# Sourced by bench/batch-50k.sh and bench/batch-restart.sh: the chat batch both run, uploaded and created.

batch_input() { # lines: one chat request line per custom_id line-1 .. line-N, on stdout
  python3 - "$1" <<'PY'
import json, sys
for i in range(1, int(sys.argv[1]) + 1):
    print(json.dumps({"custom_id": f"line-{i}", "method": "POST", "url": "/v1/chat/completions",
                      "body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": f"Summarise item {i}."}]}}))
PY
}

batch_upload() { # base_url jsonl_path: the new file's id
  curl -sf "$1/v1/files" -F purpose=batch -F "file=@$2" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}

batch_create() { # base_url file_id: the new batch's id
  curl -sf "$1/v1/batches" -H 'Content-Type: application/json' -d "{\"input_file_id\":\"$2\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
