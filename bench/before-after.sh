#!/usr/bin/env bash
# Non-streaming throughput of this checkout against an earlier commit, measured in the same run: each
# tree's WAR is built with its own modules and deployed to a Liberty server of its own (one runtime,
# two servers, each with its tree's server.xml and ZGC), both run side by side, and wrk rounds
# alternate between them, so the machine's drift hits both alike. The median round counts.
#   bench/before-after.sh BASE_REF        e.g. bench/before-after.sh 26ab517
#   DURATION=15 CONNECTIONS=64 ROUNDS=5 WARMUP=60 BASE_PORT=19080 HEAD_PORT=19081
set -euo pipefail
cd "$(dirname "$0")/.."
base_ref=${1:?usage: bench/before-after.sh BASE_REF}
DURATION=${DURATION:-15} CONNECTIONS=${CONNECTIONS:-64} ROUNDS=${ROUNDS:-5} WARMUP=${WARMUP:-60}
BASE_PORT=${BASE_PORT:-19080} HEAD_PORT=${HEAD_PORT:-19081}
command -v wrk >/dev/null || { echo "missing wrk: apt-get install -y wrk" >&2; exit 1; }
export JAVA_HOME=$(bin/workbench java) PATH="$(bin/workbench java)/bin:$PATH" MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
liberty_version=$(sed -n 's:.*<liberty.runtime.version>\(.*\)</liberty.runtime.version>.*:\1:p' pom.xml)
runtime_zip=~/.m2/repository/io/openliberty/openliberty-runtime/$liberty_version/openliberty-runtime-$liberty_version.zip
[ -f "$runtime_zip" ] || mvn -q -B -ntp dependency:get -Dartifact="io.openliberty:openliberty-runtime:$liberty_version:zip"

work=$(mktemp -d /tmp/bench-before-after.XXXXXX)
base_tree="$work/base"
git worktree add -q --detach "$base_tree" "$base_ref"
unzip -q "$runtime_zip" -d "$work"
wlp="$work/wlp"
cleanup() {
  "$wlp/bin/server" stop base >/dev/null 2>&1 || true
  "$wlp/bin/server" stop head >/dev/null 2>&1 || true
  git worktree remove --force "$base_tree" || true
  rm -rf "$work"
}
trap cleanup EXIT

deploy() { # tree server port
  (cd "$1" && mvn -q -B -ntp -DskipTests -Dit.skip=true package)
  "$wlp/bin/server" create "$2" >/dev/null
  local dir="$wlp/usr/servers/$2"
  cp "$1/server.xml" "$dir/server.xml"
  mkdir -p "$dir/apps" && cp "$1/bootstrap/target/llm-workbench.war" "$dir/apps/"
  echo "http.port=$3" > "$dir/bootstrap.properties"
  echo "-XX:+UseZGC" > "$dir/jvm.options"
  "$wlp/bin/server" start "$2" >/dev/null
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "http://127.0.0.1:$3/v1/models" && return 0
    sleep 1
  done
  echo "server $2 did not start on $3" >&2; return 1
}

head=$(git rev-parse --short HEAD)
echo "building and starting $base_ref on $BASE_PORT and $head (with uncommitted changes, if any) on $HEAD_PORT" >&2
deploy "$base_tree" base "$BASE_PORT"
deploy "$PWD" head "$HEAD_PORT"
rps() { wrk -t1 -c"$CONNECTIONS" -d"$2"s -s bench/post.lua "http://127.0.0.1:$1/v1/chat/completions" | awk '/Requests\/sec/ {print $2}'; }

echo "warming up both for ${WARMUP}s (JIT)" >&2
rps "$BASE_PORT" "$WARMUP" >/dev/null
rps "$HEAD_PORT" "$WARMUP" >/dev/null
base_runs="" head_runs=""
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then b=$(rps "$BASE_PORT" "$DURATION"); h=$(rps "$HEAD_PORT" "$DURATION")
  else h=$(rps "$HEAD_PORT" "$DURATION"); b=$(rps "$BASE_PORT" "$DURATION"); fi
  base_runs="$base_runs $b" head_runs="$head_runs $h"
  echo "round $round: base $b req/s, head $h req/s" >&2
done
python3 - "$base_ref" "$head" "$base_runs" "$head_runs" <<'PY'
import json, statistics, sys
base_ref, head = sys.argv[1], sys.argv[2]
base, head_runs = [float(v) for v in sys.argv[3].split()], [float(v) for v in sys.argv[4].split()]
print(json.dumps({"base": base_ref, "head": head, "base_rps": base, "head_rps": head_runs,
                  "base_median": statistics.median(base), "head_median": statistics.median(head_runs),
                  "head_over_base": round(statistics.median(head_runs) / statistics.median(base), 3)}, indent=2))
PY
