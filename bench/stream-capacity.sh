#!/usr/bin/env bash
# How many streams the emulator serves on time, and what it does past that (issue 16, "Delivery"), against a
# running server at PORT:
#  1. rounds of COUNTS concurrent streams (TTFT 100 ms, ITL 50 ms, TOKENS tokens) measured by StreamBench: the
#     largest count whose client-measured ITL p99 is within MARGIN_MS of the set ITL, with every stream whole;
#  2. QUEUED streams with max-num-seqs set live to that count: the rest wait in the engine's queue (their wait is
#     added to their TTFT) while the running ones keep their ITL; vllm:num_requests_waiting is sampled every second.
# The setting is restored (DELETE /api/emulator/config) on exit. MAX_NUM_SEQS sets the queue run's slots instead
# (e.g. on a machine too busy for any count to hold the margin).
#   SERVER_PID=... PORT=9080 COUNTS="250 500 1000 2000" QUEUED=10000 bench/stream-capacity.sh
set -euo pipefail
cd "$(dirname "$0")"
PORT=${PORT:-9080} COUNTS=${COUNTS:-"250 500 1000 2000 4000"} QUEUED=${QUEUED:-10000} TOKENS=${TOKENS:-60}
ITL=${ITL:-50} MARGIN_MS=${MARGIN_MS:-5} SERVER_PID=${SERVER_PID:-}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=results/capacity-$stamp
mkdir -p "$out"
java=$(../bin/workbench java)/bin/java
base=http://127.0.0.1:$PORT
trap 'curl -s -o /dev/null -X DELETE "$base/api/emulator/config"' EXIT
bench() { "$java" StreamBench.java --port "$PORT" --ttft 100 --itl "$ITL" --tokens "$TOKENS" --deadline 600 "$@"; }
field() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

echo "warming up (2 rounds of 500 streams)" >&2
for _ in 1 2; do bench --streams 500 --ramp 2 >/dev/null; done
capacity=0
for count in $COUNTS; do
  bench --streams "$count" --ramp "$(( count / 500 + 1 ))" --out "$out/streams-$count.json" >/dev/null
  ok=$(field "$out/streams-$count.json" "d['ok']")
  error=$(field "$out/streams-$count.json" "d['itl_p99_error_ms']")
  echo "$count streams: ok $ok, ITL p99 error $error ms" >&2
  if [ "$ok" = "$count" ] && python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) <= float(sys.argv[2]) else 1)" "$error" "$MARGIN_MS"; then
    capacity=$count
  fi
done
echo "largest count within $MARGIN_MS ms: $capacity" >&2
capacity=${MAX_NUM_SEQS:-$capacity}
[ "$capacity" -gt 0 ] || { echo "no count held ITL p99 within $MARGIN_MS ms; no queue run" >&2; echo "$PWD/$out"; exit 0; }

curl -sf -o /dev/null -X PATCH "$base/api/emulator/config" -H 'Content-Type: application/json' -d "{\"max-num-seqs\": $capacity}"
(
  while sleep 1; do
    waiting=$(curl -s "$base/vllm/metrics" | awk '/^vllm:num_requests_waiting/ {sum += $2} END {print sum + 0}')
    echo "{\"t\": $(date +%s), \"waiting\": $waiting}" >> "$out/waiting.jsonl"
  done ) &
sampler=$!
bench --streams "$QUEUED" --ramp 5 ${SERVER_PID:+--pid "$SERVER_PID"} --out "$out/queued-$QUEUED.json" >/dev/null
kill "$sampler" 2>/dev/null || true
python3 - "$out" "$QUEUED" "$capacity" "$ITL" <<'PY'
import json, sys
out, queued, capacity, itl = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
d = json.load(open(f"{out}/queued-{queued}.json"))
waiting = [json.loads(line)["waiting"] for line in open(f"{out}/waiting.jsonl")]
summary = {"capacity_streams": capacity, "queued_streams": queued, "ok": d["ok"], "failed": d["failed"],
           "itl_p99_ms": d["itl_ms"]["p99"], "itl_p99_error_ms": d["itl_p99_error_ms"], "ttft_p50_ms": d["ttft_ms"]["p50"],
           "ttft_p99_ms": d["ttft_ms"]["p99"], "peak_num_requests_waiting": max(waiting, default=0)}
json.dump(summary, open(f"{out}/summary.json", "w"), indent=2)
print(json.dumps(summary), file=sys.stderr)
PY
echo "$PWD/$out"
