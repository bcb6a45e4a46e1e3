#!/usr/bin/env bash
# How exactly our load generator measures: the emulator on a Liberty server of its own (this checkout's WAR, ZGC)
# set to TTFT 100 ms and ITL 20 ms (server config, and the plan's headers), and the generator in a JVM of its own
# (bench/LoadgenBench.java: HttpLoadGenerator, load.type concurrent, USERS streaming users spawned at RATE/s) for
# DURATION. The generator's TTFT and ITL p50 should be within 2 ms of the set values, its send lateness p99 under
# 5 ms. Rounds alternate with the house's baseline client, bench/StreamBench.java (one selector thread, per-read
# stamps), holding as many streams against the same server, so a late emulator shows in both and a late generator
# in one. USERS may list several counts ("1000 100"): each gets its rounds, the emulator the same server.
# Results land in bench/results/accuracy-<stamp>/.
#   USERS="1000 100" RATE=200 DURATION=20s TTFT=100 ITL=20 TOKENS=50 ROUNDS=3 WARMUP=10s PORT=9183 bench/loadgen-accuracy.sh
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-1000 100} RATE=${RATE:-200} DURATION=${DURATION:-20s} TTFT=${TTFT:-100} ITL=${ITL:-20} TOKENS=${TOKENS:-50}
ROUNDS=${ROUNDS:-3} PORT=${PORT:-9183} WARMUP=${WARMUP:-10s}
export JAVA_HOME=$(bin/workbench java)
java=$JAVA_HOME/bin/java
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/accuracy-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-accuracy.XXXXXX)
. bench/liberty-servers.sh
cleanup() { liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT

liberty_prepare "$work"
bench/loadgen-classpath.sh "$work/loadgen.cp"
liberty_start emulator "$PORT" "-Dworkbench.emulator.ttft-ms=$TTFT" "-Dworkbench.emulator.itl-ms=$ITL"

generator() { # users out_file warmup
  "$java" -XX:+UseZGC -cp "$(cat "$work/loadgen.cp")" bench/LoadgenBench.java host="http://127.0.0.1:$PORT/v1" \
    load=concurrent user="$1" rate="$RATE" time="$DURATION" warmup="$3" tags=chat_completions \
    input_lens=16 output_lens="$TOKENS" headers="X-TTFT-MS:$TTFT,X-ITL-MS:$ITL" out="$2" 2>> "$out/generator.log"
  python3 - "$2" <<'PY' >&2
import json, sys
d = json.load(open(sys.argv[1])); o = d["result"]["overall"]; g = d["result"]["generator"]
print(f'generator, {d["plan"]["user"]} users: {o["requests"]} requests, failures {o["failures"]}, TTFT p50 {o["ttft_ms"]["p50"]} ms, '
      f'ITL p50 {o["itl_ms"]["p50"]} ms, lateness p99 {g["lateness_ms"]["p99"]} ms')
PY
}
baseline() { # users out_file
  "$java" bench/StreamBench.java --port "$PORT" --streams "$1" --ttft "$TTFT" --itl "$ITL" --tokens "$TOKENS" \
    --ramp $(((${1} + ${RATE%.*} - 1) / ${RATE%.*})) --deadline 300 --out "$2" > /dev/null
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("StreamBench,", d["streams"], "streams: ok", d["ok"], "TTFT p50", d["ttft_ms"]["p50"], "ITL p50", d["itl_ms"]["p50"])' "$2" >&2
}

uptime > "$out/load-before.txt"
echo "warming up the emulator and the generator's JIT" >&2
read -ra counts <<< "$USERS"
generator "${counts[0]}" "$work/warmup.json" 0s
for users in "${counts[@]}"; do
  for round in $(seq 1 "$ROUNDS"); do
    if [ $((round % 2)) -eq 1 ]; then
      generator "$users" "$out/generator-u$users-$round.json" "$WARMUP"; baseline "$users" "$out/streambench-u$users-$round.json"
    else
      baseline "$users" "$out/streambench-u$users-$round.json"; generator "$users" "$out/generator-u$users-$round.json" "$WARMUP"
    fi
  done
done
uptime > "$out/load-after.txt"
python3 bench/loadgen_summary.py stream "$out" > "$out/accuracy.json"
python3 bench/charts.py "$out" >&2
echo "results in $out" >&2
