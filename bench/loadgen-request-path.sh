#!/usr/bin/env bash
# The request path of our generator, before and after a change, against nginx in alternating rounds: each NAME=CP
# runs bench/LoadgenBench.java (throughput, 64 users, non-streamed chat) with CP (a jar or classes dir of
# adapters-loadgen, e.g. one built from main and one from a branch) ahead of the modules' dependencies.
#   bench/loadgen-request-path.sh ROUNDS SECONDS before=/tmp/before.jar after=adapters-loadgen/target/classes
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-$(bin/workbench java)}
java=$JAVA_HOME/bin/java
ROUNDS=$1 DURATION=$2; shift 2
PORT=${PORT:-9187}
work=$(mktemp -d /tmp/bench-path.XXXXXX)
bench/loadgen-classpath.sh "$work/loadgen.cp"
. bench/nginx-chat.sh
nginx_chat_start "$work/nginx" "$PORT"; npid=$nginx_pid
trap 'kill $npid' EXIT
sleep 1
deps=$(cut -d: -f2- "$work/loadgen.cp")
tools=("$@")
for round in $(seq 1 $ROUNDS); do
  for i in $(seq 0 $((${#tools[@]} - 1))); do
    t=${tools[$(((i + round - 1) % ${#tools[@]}))]}
    name=${t%%=*}; jar=${t#*=}
    /usr/bin/time -f "%U %S" -o $work/$name-$round.time "$java" -XX:+UseZGC -cp "$jar:$deps" bench/LoadgenBench.java host="http://127.0.0.1:$PORT/v1" \
      load=throughput user=64 time="$DURATION"s warmup=10s tags=chat_completions_nonstream \
      input_lens=16 output_lens=10 out="$work/$name-$round.json" 2> "$work/$name-$round.log"
    r=$(python3 -c 'import json,sys; o=json.load(open(sys.argv[1]))["result"]["overall"]; d=json.load(open(sys.argv[1])); print(o["requests_per_s"], o["requests"], sum(o["failures"].values()), "us/req=%.0f" % (d["jvm"]["cpu_s"]*1e6/max(1,o["requests"])))' "$work/$name-$round.json")
    echo "$name $round $r cpu=$(cat $work/$name-$round.time | tail -1) load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
echo "results in $work" >&2
