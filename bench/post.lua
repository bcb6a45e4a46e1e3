-- wrk: the same non-streaming chat completion for every target, with zero emulated delays.
wrk.method = "POST"
wrk.body = '{"model":"gpt-3.5-turbo","messages":[{"role":"user","content":"Hello"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-TTFT-MS"] = "0"
wrk.headers["X-ITL-MS"] = "0"
wrk.headers["X-OUTPUT-LENGTH"] = "20"
