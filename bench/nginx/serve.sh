#!/usr/bin/env bash
# Serves the JSON file $1 as the answer to every request (POST included) on 127.0.0.1:$2, in the
# foreground, from a throwaway prefix directory: the machine's nginx configuration is not touched.
set -euo pipefail
body_file=$1 port=$2
prefix=$(mktemp -d /tmp/bench-nginx.XXXXXX)
mkdir -p "$prefix/logs"
# nginx's `return` serves POST too (static files answer 405); escape what its quoted string treats specially
body=$(sed -e 's/\\/\\\\/g' -e "s/'/\\\\'/g" "$body_file")
cat > "$prefix/nginx.conf" <<CONF
worker_processes auto;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    location / { default_type application/json; return 200 '$body'; }
  }
}
CONF
exec nginx -p "$prefix" -c "$prefix/nginx.conf" -g 'daemon off;'
