#!/usr/bin/env bash
# How fast our load generator sends, against wrk and Locust, measured in one run against one target: nginx
# answering every POST /v1/chat/completions with the same static non-streamed chat completion (keep-alive on).
# Rounds alternate the tools (the first tool moves by one each round), each runs DURATION seconds, and the
# median round counts:
#   wrk -t1 -c64 -s bench/post.lua
#   Locust FastHttpUser (bench/locustfile.py), 64 users, one process, and a master with one worker per core
#   our generator (bench/LoadgenBench.java: HttpLoadGenerator, load.type throughput, user 64, non-streamed chat)
#   the HTTP clients alone in one harness shape (bench/ClientBench.java): Jetty 12's HttpClient as the generator's
#   HttpChat configures it (jetty: a QueuedThreadPool), the same on Jetty's VirtualThreadPool (jetty-vt), and
#   java.net.http.HttpClient as the generator configured it before (jdk)
# The JVMs get WARMUP seconds first (JIT); wrk and Locust need none. Results land in bench/results/speed-<stamp>/.
#   DURATION=10 ROUNDS=3 WARMUP=10 PORT=9183 LOCUST_PORT=9193 [TOOLS="wrk locust generator"] bench/loadgen-speed.sh
# Needs: apt-get install -y nginx wrk python3-locust librsvg2-bin
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10} ROUNDS=${ROUNDS:-3} WARMUP=${WARMUP:-10} PORT=${PORT:-9183} LOCUST_PORT=${LOCUST_PORT:-9193}
USERS=64
for tool in nginx wrk locust; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx wrk python3-locust" >&2; exit 1; }
done
export JAVA_HOME=$(bin/workbench java)
java=$JAVA_HOME/bin/java
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/speed-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-speed.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

bench/loadgen-classpath.sh "$work/loadgen.cp"
MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow" mvn -q -B -ntp -f bench/clients/pom.xml \
  dependency:build-classpath -Dmdep.outputFile="$work/jetty.cp" >&2

. bench/nginx-chat.sh
nginx_chat_start "$work/nginx" "$PORT"; pids+=("$nginx_pid")
url=http://127.0.0.1:$PORT/v1/chat/completions
for _ in $(seq 1 50); do curl -sf -o /dev/null -X POST "$url" && break; sleep 0.1; done

run_wrk() { # round
  wrk -t1 -c"$USERS" -d"$DURATION"s -s bench/post.lua "$url" > "$out/wrk-$1.txt"
  awk '/Requests\/sec/ {print $2}' "$out/wrk-$1.txt"
}
run_locust() { # round workers (0: one process, no master)
  local prefix="$out/locust-w$2-$1"
  if [ "$2" -eq 0 ]; then
    locust -f bench/locustfile.py --headless -u "$USERS" -r "$USERS" -t "$DURATION"s --host "http://127.0.0.1:$PORT" \
      --csv "$prefix" --only-summary --loglevel WARNING > "$prefix.log" 2>&1
  else
    locust -f bench/locustfile.py --headless --master --expect-workers "$2" --master-bind-host 127.0.0.1 \
      --master-bind-port "$LOCUST_PORT" -u "$USERS" -r "$USERS" -t "$DURATION"s --host "http://127.0.0.1:$PORT" \
      --csv "$prefix" --only-summary --loglevel WARNING > "$prefix.log" 2>&1 &
    local master=$! workers=()
    for _ in $(seq 1 "$2"); do
      locust -f bench/locustfile.py --worker --master-host 127.0.0.1 --master-port "$LOCUST_PORT" \
        --loglevel WARNING >> "$prefix.workers.log" 2>&1 & workers+=($!)
    done
    wait "$master"
    wait "${workers[@]}" 2>/dev/null || true
  fi
  python3 -c 'import csv,sys; print(next(r["Requests/s"] for r in csv.DictReader(open(sys.argv[1])) if r["Name"] == "Aggregated"))' \
    "${prefix}_stats.csv"
}
run_generator() { # round name classpath
  "$java" -XX:+UseZGC -cp "$3" bench/LoadgenBench.java host="http://127.0.0.1:$PORT/v1" \
    load=throughput user="$USERS" time="$DURATION"s warmup="$WARMUP"s tags=chat_completions_nonstream \
    input_lens=16 output_lens=10 out="$out/$2-$1.json" 2> "$out/$2-$1.log"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["result"]["overall"]["requests_per_s"])' "$out/$2-$1.json"
}
run_client() { # round client
  "$java" -XX:+UseZGC -cp "$(cat "$work/jetty.cp")" bench/ClientBench.java "$2" "$url" "$USERS" "$DURATION" "$WARMUP" \
    > "$out/client-$2-$1.json"
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["requests_per_s"])' "$out/client-$2-$1.json"
}

cores=$(nproc)
read -ra tools <<< "${TOOLS:-wrk locust locust-w$cores generator jdk jetty jetty-vt}"
uptime > "$out/load-before.txt"
for round in $(seq 1 "$ROUNDS"); do
  for i in $(seq 0 $((${#tools[@]} - 1))); do
    tool=${tools[$(((i + round - 1) % ${#tools[@]}))]}
    case $tool in
      wrk) value=$(run_wrk "$round") ;;
      locust) value=$(run_locust "$round" 0) ;;
      locust-w*) value=$(run_locust "$round" "${tool#locust-w}") ;;
      generator) value=$(run_generator "$round" generator "$(cat "$work/loadgen.cp")") ;;
      jdk*|jetty*) value=$(run_client "$round" "$tool") ;;
    esac
    echo "$tool $round $value $(cut -d" " -f1-3 /proc/loadavg)" >> "$out/rounds.txt"
    echo "round $round $tool $value req/s (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  done
done
uptime > "$out/load-after.txt"

python3 bench/loadgen_summary.py speed "$out" "$DURATION" "$USERS" "$cores" > "$out/speed.json"
python3 bench/charts.py "$out" >&2
cat "$out/speed.json"
echo "results in $out" >&2
