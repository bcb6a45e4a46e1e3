#!/usr/bin/env bash
# Whether one JVM of our load generator holds USERS concurrent streaming users: the emulator on a Liberty server of
# its own (this checkout's WAR, ZGC; TTFT, ITL and TOKENS per stream set in its config and in the plan's headers),
# the generator in a JVM of its own (bench/LoadgenBench.java: HttpLoadGenerator, load.type concurrent, USERS users
# spawned at RATE/s, for DURATION), which samples its own platform threads, heap and RSS every second. Reports
# errors (the goal is none), peak active users, the generator's own send lateness, threads and memory. Then
# bench/StreamBench.java (one selector thread) opens as many streams with the same timing against the same server,
# the baseline that tells a generator's limit from the emulator's or the machine's.
# Results land in bench/results/scale-<stamp>/.
#   USERS=10000 RATE=500 DURATION=60s TTFT=1000 ITL=1000 TOKENS=10 ROUNDS=1 WARMUP=0s PORT=9183 bench/loadgen-scale.sh
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-10000} RATE=${RATE:-500} DURATION=${DURATION:-60s} TTFT=${TTFT:-1000} ITL=${ITL:-1000}
TOKENS=${TOKENS:-10} ROUNDS=${ROUNDS:-1} PORT=${PORT:-9183} WARMUP=${WARMUP:-0s}
export JAVA_HOME=$(bin/workbench java)
java=$JAVA_HOME/bin/java
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/scale-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-scale.XXXXXX)
. bench/liberty-servers.sh
cleanup() { liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT

liberty_prepare "$work"
bench/loadgen-classpath.sh "$work/loadgen.cp"
liberty_start emulator "$PORT" "-Dworkbench.emulator.ttft-ms=$TTFT" "-Dworkbench.emulator.itl-ms=$ITL"

uptime > "$out/load-before.txt"
for round in $(seq 1 "$ROUNDS"); do
  "$java" -XX:+UseZGC -cp "$(cat "$work/loadgen.cp")" bench/LoadgenBench.java host="http://127.0.0.1:$PORT/v1" \
    load=concurrent user="$USERS" rate="$RATE" time="$DURATION" warmup="$WARMUP" tags=chat_completions \
    input_lens=16 output_lens="$TOKENS" headers="X-TTFT-MS:$TTFT,X-ITL-MS:$ITL" \
    out="$out/generator-$round.json" 2>> "$out/generator.log"
  python3 - "$out/generator-$round.json" <<'PY' >&2
import json, sys
d = json.load(open(sys.argv[1])); r = d["result"]; o = r["overall"]; g = r["generator"]; s = d["jvm"]["series"]
print(f'{o["requests"]} requests, failures {o["failures"]}, peak active users '
      f'{max((p["active_users"] for p in r["series"]), default=0)}, lateness p50/p99/max {g["lateness_ms"]["p50"]}/'
      f'{g["lateness_ms"]["p99"]}/{g["lateness_ms"]["max"]} ms, threads peak {max(p["threads"] for p in s)}, '
      f'heap peak {max(p["heap_mb"] for p in s)} MB, RSS peak {max(p["rss_mb"] for p in s)} MB')
PY
  "$java" bench/StreamBench.java --port "$PORT" --streams "$USERS" --ttft "$TTFT" --itl "$ITL" --tokens "$TOKENS" \
    --ramp $(((USERS + ${RATE%.*} - 1) / ${RATE%.*})) --deadline 600 --out "$out/streambench-$round.json" > /dev/null
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("StreamBench,", d["streams"], "streams: ok", d["ok"], "failed", d["failed"], "max open", d["max_open"], "TTFT p50", d["ttft_ms"]["p50"])' \
    "$out/streambench-$round.json" >&2
done
uptime > "$out/load-after.txt"
python3 bench/loadgen_summary.py stream "$out" > "$out/scale.json"
python3 bench/charts.py "$out" >&2
echo "results in $out" >&2
