#!/usr/bin/env bash
# The collating jump server (issue 20, "Measured"): 1,000 concurrent sync callers of a collate route whose upstream is
# this server's own batch server, on the emulator (zero delays, echo mode, so each answer names its caller). Reports
# how many got their own completion, how many upstream batches were made, the latency added over the window
# (p50/p99/max latency minus the window) and the server's peak heap (jcmd GC.heap_info sampled every 0.5 s).
# Results land in bench/results/collate-<stamp>/.
#   CALLERS=1000 WINDOW_MS=2000 PORT=9184 bench/collate-1000.sh      (BUILD=0 reuses the packaged WAR)
set -euo pipefail
cd "$(dirname "$0")/.."
CALLERS=${CALLERS:-1000} WINDOW_MS=${WINDOW_MS:-2000} PORT=${PORT:-9184}
export JAVA_HOME=$(bin/workbench java)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/collate-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-collate.XXXXXX)
. bench/liberty-servers.sh
sampler=
cleanup() { [ -n "$sampler" ] && kill "$sampler" 2>/dev/null; liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

liberty_prepare "$work"
liberty_start collate "$PORT" -Xmx512m "-Dworkbench.data.dir=$work/data" -Dworkbench.emulator.ttft-ms=0 \
  -Dworkbench.emulator.itl-ms=0 -Dworkbench.emulator.response-mode=echo -Dworkbench.upstream.routes=bench \
  -Dworkbench.upstream.bench.kind=collate -Dworkbench.upstream.bench.models=collate-bench \
  "-Dworkbench.collate.window-ms=$WINDOW_MS" -Dworkbench.collate.poll-initial-ms=100 -Dworkbench.collate.poll-max-ms=500
pid=$(liberty_pid collate)

( while true; do
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*used \([0-9]*\)M.*/\1/p' | head -1
    sleep 0.5
  done > "$out/heap.txt" ) &
sampler=$!
# One lone call first, so class loading is not in the measured window.
"$JAVA_HOME/bin/java" bench/CollateBench.java "http://127.0.0.1:$PORT" 1 collate-bench > /dev/null
"$JAVA_HOME/bin/java" bench/CollateBench.java "http://127.0.0.1:$PORT" "$CALLERS" collate-bench | tee "$out/summary.tsv"
kill "$sampler" 2>/dev/null; sampler=

read -r callers answered own batches p50 p99 max _ < "$out/summary.tsv"
peak=$(sort -n "$out/heap.txt" | tail -1)
{
  printf 'callers\tanswered\town_answer\tupstream_batches\twindow_ms\tadded_p50_ms\tadded_p99_ms\tadded_max_ms\tpeak_heap_mb\tcpus\n'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$callers" "$answered" "$own" "$batches" "$WINDOW_MS" \
    $((p50 - WINDOW_MS)) $((p99 - WINDOW_MS)) $((max - WINDOW_MS)) "${peak:-?}" "$(nproc)"
} | tee "$out/result.tsv"
[ "$answered" = "$callers" ] && [ "$own" = "$callers" ]
