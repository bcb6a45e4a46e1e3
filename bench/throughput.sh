#!/usr/bin/env bash
# Non-streaming throughput with zero delays, as ratios measured in the same run: LLM Workbench
# (already running at $TARGET) against nginx serving a response of the same size and against the
# FastAPI baseline emulator. Rounds alternate the three targets; the median round counts.
#   TARGET=http://127.0.0.1:9080 DURATION=15 CONNECTIONS=64 ROUNDS=3 WARMUP=60 bench/throughput.sh
set -euo pipefail
cd "$(dirname "$0")"
TARGET=${TARGET:-http://127.0.0.1:9080} DURATION=${DURATION:-15} CONNECTIONS=${CONNECTIONS:-64}
ROUNDS=${ROUNDS:-3} WARMUP=${WARMUP:-60} NGINX_PORT=${NGINX_PORT:-18080} FASTAPI_PORT=${FASTAPI_PORT:-18000}
mkdir -p results
stamp=$(date -u +%Y%m%dT%H%M%SZ)
work=$(mktemp -d /tmp/bench-throughput.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

curl -sf "$TARGET/v1/chat/completions" -H 'Content-Type: application/json' -H 'X-TTFT-MS: 0' -H 'X-ITL-MS: 0' \
  -H 'X-OUTPUT-LENGTH: 20' -d '{"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"Hello"}]}' > "$work/body.json"
nginx/serve.sh "$work/body.json" "$NGINX_PORT" & pids+=($!)
targets=(workbench nginx)
health=("http://127.0.0.1:$NGINX_PORT/health")
# The FastAPI baseline is optional: the ratio that matters is nginx's, measured in the same run.
if /usr/bin/python3 -c 'import fastapi, uvicorn' 2>/dev/null; then
  fastapi/run.sh "$FASTAPI_PORT" & pids+=($!)
  targets+=(fastapi)
  health+=("http://127.0.0.1:$FASTAPI_PORT/health")
else
  echo "python3-fastapi/python3-uvicorn missing: FastAPI baseline skipped" >&2
fi
for url in "${health[@]}"; do
  for _ in $(seq 1 50); do curl -s -o /dev/null "$url" && break; sleep 0.2; done
done

declare -A urls=([workbench]="$TARGET/v1/chat/completions" [nginx]="http://127.0.0.1:$NGINX_PORT/v1/chat/completions"
                 [fastapi]="http://127.0.0.1:$FASTAPI_PORT/v1/chat/completions")
rps() { wrk -t1 -c"$CONNECTIONS" -d"$2"s -s post.lua "$1" | awk '/Requests\/sec/ {print $2}'; }

echo "warming up: workbench ${WARMUP}s (JIT), baselines 5s" >&2
rps "${urls[workbench]}" "$WARMUP" >/dev/null
for name in "${targets[@]:1}"; do rps "${urls[$name]}" 5 >/dev/null; done

declare -A runs
for round in $(seq 1 "$ROUNDS"); do
  for name in "${targets[@]}"; do
    value=$(rps "${urls[$name]}" "$DURATION")
    runs[$name]="${runs[$name]:-} $value"
    echo "round $round $name $value req/s" >&2
  done
done

python3 - "$stamp" "$DURATION" "$CONNECTIONS" "$(wc -c < "$work/body.json")" "${runs[workbench]}" "${runs[nginx]}" "${runs[fastapi]:-}" <<'PY'
import json, platform, statistics, subprocess, sys
stamp, duration, connections, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
runs = {name: [float(v) for v in sys.argv[i].split()] for i, name in zip((5, 6, 7), ("workbench", "nginx", "fastapi"))
        if sys.argv[i].strip()}
median = {name: statistics.median(values) for name, values in runs.items()}
cpu = next((l.split(":", 1)[1].strip() for l in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
            if l.startswith("Model name")), "unknown")
result = {"when": stamp, "machine": {"cpus": subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(),
                                     "cpu": cpu, "kernel": platform.release()},
          "wrk": {"threads": 1, "connections": connections, "seconds": duration}, "response_bytes": size,
          "requests_per_second": runs, "median": median,
          "ratio_to_nginx": round(median["workbench"] / median["nginx"], 3),
          "ratio_to_fastapi": round(median["workbench"] / median["fastapi"], 2) if "fastapi" in median else None}
json.dump(result, open(f"results/throughput-{stamp}.json", "w"), indent=2)
print(json.dumps(result, indent=2))
print(f"workbench {median['workbench']:.0f} req/s, nginx {median['nginx']:.0f} req/s in the same run: "
      f"{result['ratio_to_nginx']}x nginx", file=sys.stderr)
PY
