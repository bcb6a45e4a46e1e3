#!/usr/bin/env bash
# Non-streaming throughput of this checkout against an earlier commit, measured in the same run: both
# servers run side by side (each built from its own tree, each a Liberty of its own), and wrk rounds
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
head_tree=$PWD
base_tree=$(mktemp -d /tmp/bench-base.XXXXXX)
git worktree add -q --detach "$base_tree" "$base_ref"

start() { # tree port
  (cd "$1" && mvn -q -B -ntp -DskipTests -Dit.skip=true install && HTTP_PORT=$2 mvn -q -B -ntp -pl bootstrap liberty:create liberty:deploy liberty:start)
}
stop() { (cd "$1" && mvn -q -B -ntp -pl bootstrap liberty:stop) || true; }
cleanup() { stop "$head_tree"; stop "$base_tree"; git worktree remove --force "$base_tree" || true; }
trap cleanup EXIT

echo "building and starting $base_ref on $BASE_PORT and $(git rev-parse --short HEAD) on $HEAD_PORT" >&2
start "$base_tree" "$BASE_PORT"
start "$head_tree" "$HEAD_PORT"
rps() { wrk -t1 -c"$CONNECTIONS" -d"$2"s -s bench/post.lua "http://127.0.0.1:$1/v1/chat/completions" | awk '/Requests\/sec/ {print $2}'; }

echo "warming up both for ${WARMUP}s (JIT)" >&2
rps "$BASE_PORT" "$WARMUP" >/dev/null
rps "$HEAD_PORT" "$WARMUP" >/dev/null
base_runs="" head_runs=""
for round in $(seq 1 "$ROUNDS"); do
  b=$(rps "$BASE_PORT" "$DURATION"); h=$(rps "$HEAD_PORT" "$DURATION")
  base_runs="$base_runs $b" head_runs="$head_runs $h"
  echo "round $round: base $b req/s, head $h req/s" >&2
done
python3 - "$base_ref" "$(git rev-parse --short HEAD)" "$base_runs" "$head_runs" <<'PY'
import json, statistics, sys
base_ref, head, base, head_runs = sys.argv[1], sys.argv[2], [float(v) for v in sys.argv[3].split()], [float(v) for v in sys.argv[4].split()]
print(json.dumps({"base": base_ref, "head": head, "base_rps": base, "head_rps": head_runs,
                  "base_median": statistics.median(base), "head_median": statistics.median(head_runs),
                  "head_over_base": round(statistics.median(head_runs) / statistics.median(base), 3)}, indent=2))
PY
