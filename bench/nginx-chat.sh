# Sourced by the load-generator benchmarks: a private nginx that answers POST /v1/chat/completions with one static,
# non-streamed chat completion, keep-alive on. nginx's `return` answers POST too (a static file would be a 405);
# a private prefix leaves the machine's nginx alone.
#   nginx_chat_start DIR PORT   writes DIR/nginx.conf, starts nginx in the foreground in the background; sets nginx_pid
nginx_chat_start() {
  local dir=$1 port=$2
  mkdir -p "$dir/logs"
  cat > "$dir/nginx.conf" <<CONF
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_timeout 75s;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port;
    location = /v1/chat/completions {
      default_type application/json;
      return 200 '{"id":"chatcmpl-bench","object":"chat.completion","created":1764000000,"model":"gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":"Hello there, how can I help you today?","refusal":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":16,"completion_tokens":10,"total_tokens":26}}';
    }
  }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -g 'daemon off;' &
  nginx_pid=$!
}
