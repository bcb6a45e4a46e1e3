#!/usr/bin/env bash
# An ordinary request's latency alone and beside slow uploads, measured in the same run against a
# running server; prints JSON and keeps it in bench/results/.
#   TARGET=http://127.0.0.1:9080 UPLOADS=200 REQUESTS=500 SERVER_PID=1234 bench/slow-uploads.sh
set -euo pipefail
cd "$(dirname "$0")"
TARGET=${TARGET:-http://127.0.0.1:9080} UPLOADS=${UPLOADS:-200} REQUESTS=${REQUESTS:-500} DRIP_MS=${DRIP_MS:-100}
JAVA=${JAVA:-$(../bin/workbench java)/bin/java}
mkdir -p results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
"$JAVA" SlowUploadsBench.java --url "$TARGET" --uploads "$UPLOADS" --requests "$REQUESTS" --drip-ms "$DRIP_MS" \
  ${SERVER_PID:+--pid "$SERVER_PID"} | tee "results/slow-uploads-$stamp.json"
