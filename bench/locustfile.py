"""The Locust side of bench/loadgen-speed.sh: each user POSTs the same non-streamed chat completion as soon as the
last one answered (FastHttpUser, no wait), as our generator's `throughput` shape and `wrk -s bench/post.lua` do.
    locust -f bench/locustfile.py --headless -u 64 -r 64 -t 15s --host http://127.0.0.1:9183 --csv PREFIX"""
import locust.runners
from locust import constant, task
from locust.contrib.fasthttp import FastHttpUser

# Debian's python3-locust 2.12.1 reports an empty version, and a master takes a worker that sends an empty
# version for a pre-2.0 one and refuses it ("An old (pre 2.0) worker tried to connect"): give both the real one.
locust.runners.__version__ = "2.12.1"

BODY = '{"model":"gpt-4o","messages":[{"role":"user","content":"Hello"}],"max_tokens":10,"stream":false}'


class Chat(FastHttpUser):
    wait_time = constant(0)

    @task
    def chat(self):
        self.client.post("/v1/chat/completions", data=BODY, headers={"Content-Type": "application/json"})
