#!/usr/bin/env bash
# The batch server at OpenAI's largest batch: 50,000 chat lines on the emulator with zero delays (TTFT 0, ITL 0),
# on a Liberty server of its own whose heap is capped at 256 MB (-Xmx256m). Uploads the file, creates the batch,
# polls it every second until it ends, samples the server's heap (jcmd GC.heap_info) meanwhile, and reports the
# time to completion, lines per second and peak heap; checks the output has one line per custom_id.
# Results land in bench/results/batch-<stamp>/.
#   LINES=50000 PORT=9182 CONCURRENCY=32 bench/batch-50k.sh      (BUILD=0 reuses the packaged WAR)
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${LINES:-50000} PORT=${PORT:-9182} CONCURRENCY=${CONCURRENCY:-32}
export JAVA_HOME=$(bin/workbench java)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/batch-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-batch.XXXXXX)
. bench/liberty-servers.sh
. bench/batch-common.sh
cleanup() { liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT

liberty_prepare "$work"
liberty_start batch "$PORT" -Xmx256m "-Dworkbench.data.dir=$work/data" -Dworkbench.emulator.ttft-ms=0 \
  -Dworkbench.emulator.itl-ms=0 "-Dworkbench.batch.concurrency=$CONCURRENCY"
pid=$(liberty_pid batch)
base=http://127.0.0.1:$PORT

batch_input "$LINES" > "$work/input.jsonl"
file=$(batch_upload "$base" "$work/input.jsonl")
started=$(date +%s.%N)
batch=$(batch_create "$base" "$file")
echo "batch $batch of $LINES lines, file $file" >&2

: > "$out/samples.tsv"
while true; do
  state=$(curl -sf "$base/v1/batches/$batch")
  heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*used \([0-9]*\)M.*/\1/p' | head -1)
  status=$(python3 -c 'import json,sys; b=json.loads(sys.argv[1]); c=b["request_counts"]; print(b["status"], c["completed"], c["failed"])' "$state")
  printf '%s\t%s\t%s\n' "$(date +%s.%N)" "${heap:-}" "$status" >> "$out/samples.tsv"
  case $status in completed*|failed*|expired*|cancelled*) break ;; esac
  sleep 1
done
ended=$(date +%s.%N)
echo "$state" > "$out/batch.json"
output=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("output_file_id",""))' "$out/batch.json")
curl -sf "$base/v1/files/$output/content" -o "$work/output.jsonl"
python3 - "$out" "$LINES" "$started" "$ended" "$work/output.jsonl" <<'PY' | tee "$out/summary.json" >&2
import json, sys
out, lines, started, ended, output = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5]
batch = json.load(open(f"{out}/batch.json"))
ids = [json.loads(l)["custom_id"] for l in open(output)]
heaps = [float(r.split("\t")[1]) for r in open(f"{out}/samples.tsv") if r.split("\t")[1]]
seconds = ended - started
print(json.dumps({"lines": lines, "status": batch["status"], "request_counts": batch["request_counts"],
                  "output_lines": len(ids), "unique_custom_ids": len(set(ids)), "seconds": round(seconds, 1),
                  "lines_per_second": round(lines / seconds, 1), "peak_heap_mb": max(heaps, default=None),
                  "heap_samples": len(heaps), "usage": batch.get("usage")}, indent=1))
PY
echo "results in $out" >&2
