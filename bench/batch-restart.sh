#!/usr/bin/env bash
# The batch server's durability under load (issue 19): a chat batch on the emulator, its server killed with SIGKILL
# at a random point KILLS times (default 3) while the batch runs, restarted each time; when the batch ends, its output
# and error files together must hold exactly one line per input line: every custom_id once, none twice, none missing.
# Results land in bench/results/batch-restart-<stamp>/ (summary.json, the batch, a line per kill).
#   LINES=5000 KILLS=3 PORT=9182 bench/batch-restart.sh      (BUILD=0 reuses the packaged WAR; SEED fixes the kill points)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-5000} KILLS=${KILLS:-3} PORT=${PORT:-9182} SEED=${SEED:-$RANDOM}
export JAVA_HOME=$(bin/workbench java)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/batch-restart-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-batch-restart.XXXXXX)
. bench/liberty-servers.sh
. bench/batch-common.sh
cleanup() { liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT
RANDOM=$SEED

# Lines take a few milliseconds each (TTFT 20 ms, 8 tokens 2 ms apart), so the batch runs long enough to be cut.
liberty_prepare "$work"
liberty_start restart "$PORT" "-Dworkbench.data.dir=$work/data" -Dworkbench.emulator.ttft-ms=20 \
  -Dworkbench.emulator.itl-ms=2 -Dworkbench.emulator.output-length=8
base=http://127.0.0.1:$PORT

batch_input "$LINES" > "$work/input.jsonl"
file=$(batch_upload "$base" "$work/input.jsonl")
started=$(date +%s.%N)
batch=$(batch_create "$base" "$file")
echo "batch $batch of $LINES lines; seed $SEED" >&2

counts() { curl -sf "$base/v1/batches/$batch" | python3 -c 'import json,sys; b=json.load(sys.stdin); c=b["request_counts"]; print(b["status"], c["completed"] + c["failed"])'; }

: > "$out/kills.tsv"
for kill in $(seq 1 "$KILLS"); do
  # A random point while lines are being answered: 1.0 to 4.0 s after the batch (re)started running.
  sleep "$(printf '%d.%d' $((1 + RANDOM % 3)) $((RANDOM % 10)))"
  before=$(counts || echo "unknown 0")
  case $before in completed*|failed*|expired*|cancelled*)
    echo "the batch ended before kill $kill; use more LINES" >&2; exit 1 ;;
  esac
  pid=$(liberty_pid restart)
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  printf '%s\t%s\t%s\n' "$kill" "$(date +%s.%N)" "$before" | tee -a "$out/kills.tsv" >&2
  JAVA_HOME=$JAVA_HOME "$LIBERTY_WLP/bin/server" start restart >/dev/null
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$base/health/ready" && break
    sleep 1
  done
done

while true; do
  state=$(counts)
  case $state in completed*|failed*|expired*|cancelled*) break ;; esac
  sleep 1
done
ended=$(date +%s.%N)
curl -sf "$base/v1/batches/$batch" > "$out/batch.json"
for kind in output error; do
  id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get(sys.argv[2] + "_file_id") or "")' "$out/batch.json" "$kind")
  if [ -n "$id" ]; then curl -sf "$base/v1/files/$id/content" -o "$work/$kind.jsonl"; else : > "$work/$kind.jsonl"; fi
done
python3 - "$out" "$LINES" "$KILLS" "$started" "$ended" "$work/output.jsonl" "$work/error.jsonl" <<'PY' | tee "$out/summary.json" >&2
import collections, json, sys
out, lines, kills, started, ended = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
batch = json.load(open(f"{out}/batch.json"))
ids = [json.loads(l)["custom_id"] for path in sys.argv[6:8] for l in open(path) if l.strip()]
seen = collections.Counter(ids)
expected = {f"line-{i}" for i in range(1, lines + 1)}
result = {"lines": lines, "kills": kills, "status": batch["status"], "request_counts": batch["request_counts"],
          "file_lines": len(ids), "twice": sorted(k for k, n in seen.items() if n > 1)[:10],
          "missing": sorted(expected - seen.keys())[:10], "unknown": sorted(seen.keys() - expected)[:10],
          "seconds": round(ended - started, 1)}
result["exactly_once"] = not result["twice"] and not result["missing"] and not result["unknown"] and len(ids) == lines
print(json.dumps(result, indent=1))
sys.exit(0 if result["exactly_once"] else 1)
PY
echo "results in $out" >&2
