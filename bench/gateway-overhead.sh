#!/usr/bin/env bash
# The gateway's added latency (issue 18, "Measured"), in one run: two upstreams that answer at once, nginx serving a
# static chat completion and the emulator with zero delays (a Liberty server with no routes), each called directly,
# through the gateway with recording on (a second Liberty server whose routes point at them), and through nginx as a
# plain reverse proxy (keep-alive to the upstream). For each, wrk at 1 connection (sequential), 64 and 500: p50, p99
# and requests/s; the added latency is each path's figure minus the direct one. Rounds alternate the paths.
# Then STREAMS concurrent streams (the project's load generator, bench/LoadgenBench.java, load=concurrent) to the
# emulator directly and through the gateway, alternating, each with TTFT and ITL set by header: the gateway's TTFT
# and ITL p99 minus the direct ones is what the gateway adds to a stream (issue 18: at most 2 ms).
#   DURATION=10 ROUNDS=1 BUILD=1 WARM=10 bench/gateway-overhead.sh   (from the checkout's root; about 3 min + start-up)
# WARM is each path's warm-up in seconds at 64 connections: a fresh gateway JIT-compiles its path for far longer than
# 10 s on a loaded machine, so give it minutes there.
#   WRK=0 STREAMS=1000 STREAM_TIME=20s TTFT=100 ITL=20 TOKENS=50 bench/gateway-overhead.sh     (the streams alone)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10} ROUNDS=${ROUNDS:-1} WRK=${WRK:-1} WARM=${WARM:-10}
STREAMS=${STREAMS:-1000} STREAM_TIME=${STREAM_TIME:-20s} TTFT=${TTFT:-100} ITL=${ITL:-20} TOKENS=${TOKENS:-50}
export JAVA_HOME=$(bin/workbench java)
STATIC_PORT=${STATIC_PORT:-18611} PROXY_PORT=${PROXY_PORT:-18612} EMU_PORT=${EMU_PORT:-18613} GATEWAY_PORT=${GATEWAY_PORT:-18614}
source bench/nginx-chat.sh
source bench/liberty-servers.sh
work=$(mktemp -d /tmp/bench-gateway.XXXXXX)
pids=()
cleanup() { liberty_stop_all; for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || true

nginx_chat_start "$work/static" "$STATIC_PORT"; pids+=("$nginx_pid")
# The reverse proxy: /static/ to the static nginx, /emu/ to the emulator, kept-alive upstream connections as the
# gateway keeps them.
mkdir -p "$work/proxy/logs"
cat > "$work/proxy/nginx.conf" <<CONF
worker_processes auto;
pid $work/proxy/nginx.pid;
error_log $work/proxy/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  upstream static { server 127.0.0.1:$STATIC_PORT; keepalive 512; }
  upstream emu { server 127.0.0.1:$EMU_PORT; keepalive 512; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location /static/ { proxy_pass http://static/; proxy_http_version 1.1; proxy_set_header Connection ""; }
    location /emu/ { proxy_pass http://emu/; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
CONF
nginx -p "$work/proxy" -c "$work/proxy/nginx.conf" -g 'daemon off;' & pids+=($!)

liberty_prepare "$work"
liberty_start bench-emulator "$EMU_PORT"
liberty_start bench-gateway "$GATEWAY_PORT" -Dworkbench.upstream.routes=static,emu \
  "-Dworkbench.upstream.static.url=http://127.0.0.1:$STATIC_PORT/v1" -Dworkbench.upstream.static.models=static-gpt-4o \
  "-Dworkbench.upstream.emu.url=http://127.0.0.1:$EMU_PORT/v1" -Dworkbench.upstream.emu.models=emu-gpt-4o \
  "-Dworkbench.data.dir=$work/gateway-data"

# name model url
paths=(
  "static-direct gpt-4o http://127.0.0.1:$STATIC_PORT/v1/chat/completions"
  "static-gateway static-gpt-4o http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions"
  "static-nginx gpt-4o http://127.0.0.1:$PROXY_PORT/static/v1/chat/completions"
  "emu-direct gpt-4o http://127.0.0.1:$EMU_PORT/v1/chat/completions"
  "emu-gateway emu-gpt-4o http://127.0.0.1:$GATEWAY_PORT/v1/chat/completions"
  "emu-nginx gpt-4o http://127.0.0.1:$PROXY_PORT/emu/v1/chat/completions"
)
# wrk's --latency lines: "50%  1.23ms"; printed in ms.
ms() { awk -v q="$1" '$1 == q { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; printf "%.3f", v }'; }
run() { # name model url connections seconds
  local out
  out=$(MODEL=$2 wrk -t"$([ "$4" = 1 ] && echo 1 || echo 2)" -c"$4" -d"$5"s --latency -s bench/gateway-post.lua "$3")
  if grep -q "Non-2xx" <<<"$out"; then echo "$1: non-2xx answers" >&2; grep "Non-2xx" <<<"$out" >&2; fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$4" "$(ms 50% <<<"$out")" "$(ms 99% <<<"$out")" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
}

if [ "$WRK" != 0 ]; then
  echo "warming up each path for $WARM s" >&2
  for path in "${paths[@]}"; do read -r name model url <<<"$path"; run "$name" "$model" "$url" 64 "$WARM" >/dev/null; done
  printf 'path\tconnections\tp50_ms\tp99_ms\treq_per_s\n'
  for _ in $(seq 1 "$ROUNDS"); do
    for connections in 1 64 500; do
      for path in "${paths[@]}"; do read -r name model url <<<"$path"; run "$name" "$model" "$url" "$connections" "$DURATION"; done
    done
  done
fi

[ "$STREAMS" = 0 ] && exit 0
bench/loadgen-classpath.sh "$work/loadgen.cp"
streams() { # name model base_url warmup: one run of STREAMS users, each streaming one chat completion after another
  "$JAVA_HOME/bin/java" -XX:+UseZGC -cp "$(cat "$work/loadgen.cp")" bench/LoadgenBench.java host="$3" model="$2" \
    load=concurrent user="$STREAMS" rate=200 time="$STREAM_TIME" warmup="$4" tags=chat_completions input_lens=16 \
    output_lens="$TOKENS" headers="X-TTFT-MS:$TTFT,X-ITL-MS:$ITL" out="$work/$1.json" 2>> "$work/generator.log"
  python3 - "$1" "$work/$1.json" <<'PY'
import json, sys
o = json.load(open(sys.argv[2]))["result"]["overall"]
print("\t".join([sys.argv[1], str(o["requests"]), str(sum(o["failures"].values()) if isinstance(o["failures"], dict) else o["failures"]),
                 *(f'{o[k][q]:.2f}' for k in ("ttft_ms", "itl_ms") for q in ("p50", "p99"))]))
PY
}
echo "warming up the generator and both paths with $STREAMS streams" >&2
streams warm-direct gpt-4o "http://127.0.0.1:$EMU_PORT/v1" 0s >/dev/null
streams warm-gateway emu-gpt-4o "http://127.0.0.1:$GATEWAY_PORT/v1" 0s >/dev/null
printf 'streams\trequests\tfailures\tttft_p50_ms\tttft_p99_ms\titl_p50_ms\titl_p99_ms\n'
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order="direct gateway"; else order="gateway direct"; fi
  for path in $order; do
    if [ "$path" = direct ]; then streams "direct-$round" gpt-4o "http://127.0.0.1:$EMU_PORT/v1" 5s
    else streams "gateway-$round" emu-gpt-4o "http://127.0.0.1:$GATEWAY_PORT/v1" 5s; fi
  done
done
