#!/usr/bin/env bash
# Streaming at scale against LLM Workbench (already running at HOST:PORT): warm-up rounds, then
# ROUNDS measured runs at 1,000 streams (TTFT/ITL accuracy) and one run at 10,000 streams (held
# without error; server threads, RSS and heap sampled through SERVER_PID).
#   SERVER_PID=... PORT=9080 ROUNDS=3 bench/stream.sh
set -euo pipefail
cd "$(dirname "$0")"
PORT=${PORT:-9080} ROUNDS=${ROUNDS:-3} TTFT=${TTFT:-100} ITL=${ITL:-50} TOKENS=${TOKENS:-100}
SERVER_PID=${SERVER_PID:-$(pgrep -f 'ws-javaagent.*workbench' | head -1 || true)}
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=results/stream-$stamp
mkdir -p "$out"
java=$(../bin/workbench java)/bin/java
bench() { "$java" StreamBench.java --port "$PORT" --ttft "$TTFT" --itl "$ITL" --tokens "$TOKENS" --deadline 300 "$@"; }

# The JIT needs a few hundred thousand events before the emission path is compiled; the accuracy
# rounds run without the sampler, whose jcmd attaches would themselves add pauses.
echo "warming up (3 rounds of 1,000 streams)" >&2
for _ in 1 2 3; do bench --streams 1000 --ramp 2 >/dev/null; done
for round in $(seq 1 "$ROUNDS"); do
  bench --streams 1000 --ramp 5 --out "$out/1000-$round.json" >/dev/null
  python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('1000 streams round', sys.argv[2], 'ok', d['ok'], 'ttft p99', d['ttft_ms']['p99'], 'itl p99', d['itl_ms']['p99'])" "$out/1000-$round.json" "$round" >&2
done
bench --streams 10000 --ramp 3 ${SERVER_PID:+--pid "$SERVER_PID"} --out "$out/10000.json" >/dev/null
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('10000 streams ok', d['ok'], 'failed', d['failed'], 'max open', d['max_open'])" "$out/10000.json" >&2
echo "$PWD/$out"
