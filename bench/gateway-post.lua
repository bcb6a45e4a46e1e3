-- wrk: one non-streamed chat completion for bench/gateway-overhead.sh; the model (which picks the gateway's route)
-- comes from the environment, the emulator's delays are zero.
wrk.method = "POST"
wrk.body = '{"model":"' .. (os.getenv("MODEL") or "gpt-4o") .. '","messages":[{"role":"user","content":"Hello"}]}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-TTFT-MS"] = "0"
wrk.headers["X-ITL-MS"] = "0"
wrk.headers["X-OUTPUT-LENGTH"] = "10"
