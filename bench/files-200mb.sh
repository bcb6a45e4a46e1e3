#!/usr/bin/env bash
# Uploads a 200 MiB file to POST /v1/files and downloads it from GET /v1/files/{id}/content with curl, against a
# running workbench (bin/workbench run, or any port given), and reports each transfer's time and the server's heap:
# MicroProfile Metrics' memory_usedHeap_bytes sampled every 100 ms before, during and after each transfer.
#   bench/files-200mb.sh [PORT] [SIZE_MIB]     defaults: 9080 (HTTP_PORT), 200
set -euo pipefail
port=${1:-${HTTP_PORT:-9080}}
size_mib=${2:-200}
url=http://localhost:$port
dir=$(mktemp -d)
trap 'kill "${sampler:-}" 2>/dev/null || true; rm -rf "$dir"' EXIT

heap() { curl -s "$url/metrics?scope=base" | awk '/^memory_usedHeap_bytes/ {printf "%d", $2}'; }
max_heap() { curl -s "$url/metrics?scope=base" | awk '/^memory_maxHeap_bytes/ {printf "%d", $2}'; }
sample() { while true; do heap; echo; sleep 0.1; done > "$1"; }
mib() { awk -v b="$1" 'BEGIN {printf "%.0f", b / 1048576}'; }
peak() { sort -n "$1" | tail -1; }

[ -n "$(heap)" ] || { echo "no workbench metrics at $url/metrics" >&2; exit 1; }
head -c $((size_mib * 1048576)) /dev/urandom > "$dir/big.bin"
echo "file: $size_mib MiB of random bytes; server max heap $(mib "$(max_heap)") MiB; heap before $(mib "$(heap)") MiB"

sample "$dir/up.heap" & sampler=$!
start=$(date +%s.%N)
answer=$(curl -s -F purpose=user_data -F "file=@$dir/big.bin" "$url/v1/files")
up=$(echo "$(date +%s.%N) - $start" | bc)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
id=$(echo "$answer" | sed -n 's/.*"id":"\(file-[^"]*\)".*/\1/p')
[ -n "$id" ] || { echo "upload refused: $answer" >&2; exit 1; }
echo "upload:   $(printf %.2f "$up") s ($(echo "$size_mib / $up" | bc) MiB/s), peak heap $(mib "$(peak "$dir/up.heap")") MiB, id $id"

sample "$dir/down.heap" & sampler=$!
start=$(date +%s.%N)
curl -s -o "$dir/back.bin" "$url/v1/files/$id/content"
down=$(echo "$(date +%s.%N) - $start" | bc)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
cmp -s "$dir/big.bin" "$dir/back.bin" && same=identical || same=DIFFERENT
echo "download: $(printf %.2f "$down") s ($(echo "$size_mib / $down" | bc) MiB/s), peak heap $(mib "$(peak "$dir/down.heap")") MiB, bytes $same"

curl -s -X DELETE "$url/v1/files/$id" > /dev/null
echo "heap after $(mib "$(heap)") MiB"
