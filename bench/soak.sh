#!/usr/bin/env bash
# The soak (issue 21): SOAK_SECONDS (default 600) of mixed loopback traffic on a Liberty server started for it
# (emulator chat streams and non-streams, chats through a gateway route to the server's own /v1, batches of
# BATCH_LINES (300) lines one after another, 5 s load tests one after another), sampling every 10 s the heap used
# after a full GC, live threads, open file descriptors and RSS (bench/soak.py). Writes soak.csv, soak.json and
# soak.svg into bench/results/soak-<stamp>/, prints each measure's slope per hour after the warm-up, and exits 1 when
# heap, threads or descriptors grew past the tolerance soak.py states.
#   SOAK_SECONDS=600 PORT=9186 bench/soak.sh      (BUILD=0 reuses the packaged WAR; HEAP=512m caps the server's heap)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-9186} HEAP=${HEAP:-512m}
export SOAK_SECONDS=${SOAK_SECONDS:-600}
export JAVA_HOME=$(bin/workbench java)
export PATH=$JAVA_HOME/bin:$PATH
stamp=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/soak-$stamp
mkdir -p "$out"
work=$(mktemp -d /tmp/bench-soak.XXXXXX)
. bench/liberty-servers.sh
cleanup() { liberty_stop_all; rm -rf "$work"; }
trap cleanup EXIT

export LIBERTY_START_SECONDS=${LIBERTY_START_SECONDS:-600}  # a shared machine may take minutes
liberty_prepare "$work"
# The gateway's one route, `self`, serves models self-* from this server's own emulator; the emulator's defaults
# are overridden per request by soak.py's timing headers.
liberty_start soak "$PORT" "-Xmx$HEAP" "-Dworkbench.data.dir=$work/data" -Dworkbench.upstream.routes=self \
  "-Dworkbench.upstream.self.url=http://localhost:$PORT/v1" '-Dworkbench.upstream.self.models=self-*'
pid=$(liberty_pid soak)
{ echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/ {print $2}') MB; load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "server: pid $pid, -Xmx$HEAP, $(java -version 2>&1 | head -1)"
  echo "seconds: $SOAK_SECONDS"; } | tee "$out/machine.txt" >&2
status=0
python3 bench/soak.py "http://127.0.0.1:$PORT" "$pid" "$out" | tee "$out/summary.txt" || status=$?
python3 bench/charts.py "$out" >&2
echo "results in $out" >&2
exit $status
