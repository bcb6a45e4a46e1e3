#!/usr/bin/env bash
# Every benchmark in one go: builds the WAR, starts Liberty (the build's server.xml and jvm.options),
# runs bench/stream.sh and bench/throughput.sh against it, stops it, and draws the charts.
# Needs: apt-get install -y nginx wrk python3-fastapi python3-uvicorn
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in nginx wrk; do command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y nginx wrk python3-fastapi python3-uvicorn" >&2; exit 1; }; done
/usr/bin/python3 -c 'import fastapi, uvicorn' || { echo "missing python3-fastapi / python3-uvicorn" >&2; exit 1; }
export JAVA_HOME=$(bin/workbench java) PATH="$(bin/workbench java)/bin:$PATH" MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
mvn -q -B -DskipTests -Dit.skip=true install
mvn -q -B -pl bootstrap liberty:create liberty:deploy liberty:start
trap 'mvn -q -B -pl bootstrap liberty:stop' EXIT
export SERVER_PID=$(pgrep -f 'ws-javaagent.*workbench' | head -1)
stream_dir=$(bench/stream.sh | tail -1)
bench/throughput.sh > "$stream_dir/throughput.json"
python3 bench/charts.py "$stream_dir"
echo "results in $stream_dir" >&2
