"""The soak's traffic and its samples (run by bench/soak.sh, which starts the server): mixed loopback traffic for
SOAK_SECONDS against BASE (emulator chat streams and non-streams, chats through the gateway route `self`, batches of
BATCH_LINES lines one after another, short load tests one after another), and every SAMPLE_SECONDS the server's heap
used after a full GC (jcmd GC.run, then GC.heap_info), live threads and RSS (/proc/<pid>/status) and open file
descriptors (/proc/<pid>/fd). Writes soak.csv and soak.json into OUT, prints each measure's slope per hour after the
warm-up, and exits 1 when heap, threads or descriptors grew past the tolerance (see TOLERANCE).
python3 bench/soak.py BASE PID OUT"""
import csv
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.request

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
SAMPLE_SECONDS = int(os.environ.get("SAMPLE_SECONDS", "10"))
BATCH_LINES = int(os.environ.get("BATCH_LINES", "300"))
# The first fifth (at least a minute) is class loading, JIT and pools filling: not counted as growth.
WARM_UP_SECONDS = max(60, SECONDS // 5)
# Growth from the first third after the warm-up to the last third (medians) that fails the soak: a leak of one
# object per request grows without bound, noise and pool sizing do not pass these.
TOLERANCE = {"heap_mb": (0.25, 32), "threads": (0.10, 16), "fds": (0.10, 16)}
JSON_HEADERS = {"Content-Type": "application/json", "X-TTFT-MS": "20", "X-ITL-MS": "5", "X-OUTPUT-LENGTH": "20"}

base, pid, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
deadline = time.monotonic() + SECONDS
counts = {name: 0 for name in ("chat_stream", "chat", "gateway", "batch_lines", "load_tests", "errors")}
lock = threading.Lock()


def count(name, n=1):
    with lock:
        counts[name] += n


def call(path, body=None, headers=None, method=None, timeout=120):
    data = json.dumps(body).encode() if isinstance(body, dict) else body
    request = urllib.request.Request(base + path, data=data, headers=headers or {}, method=method)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.read()


def chat(model, stream):
    return {"model": model, "stream": stream, "messages": [{"role": "user", "content": "soak"}]}


def loop(name, work):
    def run():
        while time.monotonic() < deadline:
            try:
                work()
            except Exception:
                count("errors")
                time.sleep(1)
    return threading.Thread(target=run, name=name, daemon=True)


def chat_stream():
    if b"data: [DONE]" not in call("/v1/chat/completions", chat("gpt-4o", True), JSON_HEADERS):
        raise ValueError("stream without [DONE]")
    count("chat_stream")


def chat_whole():
    call("/v1/chat/completions", chat("gpt-4o-mini", False), JSON_HEADERS)
    count("chat")


def gateway():
    call("/v1/chat/completions", chat("self-soak", counts["gateway"] % 2 == 0), JSON_HEADERS)
    count("gateway")


def multipart(lines):
    boundary = "soakboundary"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--{boundary}\r\n"
            f"Content-Disposition: form-data; name=\"file\"; filename=\"soak.jsonl\"\r\n"
            f"Content-Type: application/jsonl\r\n\r\n").encode() + lines + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def batch():
    lines = "".join(json.dumps({"custom_id": f"soak-{i}", "method": "POST", "url": "/v1/chat/completions",
                                "body": chat("gpt-4o-mini", False)}) + "\n" for i in range(BATCH_LINES)).encode()
    body, headers = multipart(lines)
    file_id = json.loads(call("/v1/files", body, headers))["id"]
    batch_id = json.loads(call("/v1/batches", {"input_file_id": file_id, "endpoint": "/v1/chat/completions",
                                               "completion_window": "24h"}, {"Content-Type": "application/json"}))["id"]
    while True:
        state = json.loads(call(f"/v1/batches/{batch_id}"))
        if state["status"] in ("completed", "failed", "expired", "cancelled"):
            break
        if time.monotonic() > deadline:
            call(f"/v1/batches/{batch_id}/cancel", b"", method="POST")
            return
        time.sleep(1)
    if state["status"] != "completed":
        raise ValueError(f"batch {batch_id} {state['status']}")
    count("batch_lines", state["request_counts"]["completed"])


def load_test():
    plan = {"input_lens": "8", "output_lens": "8", "user": 4, "time_": "5s", "remark": "soak",
            "headers": {"X-TTFT-MS": "20", "X-ITL-MS": "5"}}
    run_id = json.loads(call("/api/load-tests", plan, {"Content-Type": "application/json"}))["id"]
    while json.loads(call(f"/api/load-tests/{run_id}"))["status"] in ("queued", "running"):
        time.sleep(1)
    count("load_tests")


def heap_after_gc_mb():
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    # ZGC: "ZHeap used 102M, capacity ..."; G1: "garbage-first heap total 262144K, used 12345K"
    value, unit = re.search(r"used (\d+)([KMG])", info).groups()
    return int(value) * {"K": 1 / 1024, "M": 1, "G": 1024}[unit]


def status(field):
    with open(f"/proc/{pid}/status") as f:
        return int(re.search(rf"^{field}:\s+(\d+)", f.read(), re.M).group(1))


def sample(t):
    return {"t": round(t), "heap_mb": round(heap_after_gc_mb(), 1), "threads": status("Threads"),
            "fds": len(os.listdir(f"/proc/{pid}/fd")), "rss_mb": round(status("VmRSS") / 1024, 1), **counts}


def slope_per_hour(points):
    n = len(points)
    if n < 2:
        return 0.0
    mx, my = sum(x for x, _ in points) / n, sum(y for _, y in points) / n
    var = sum((x - mx) ** 2 for x, _ in points)
    return 3600 * sum((x - mx) * (y - my) for x, y in points) / var if var else 0.0


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def verdict(samples):
    after = [s for s in samples if s["t"] >= WARM_UP_SECONDS]
    third = max(1, len(after) // 3)
    report = {}
    for key in ("heap_mb", "threads", "fds", "rss_mb"):
        first, last = median([s[key] for s in after[:third]]), median([s[key] for s in after[-third:]])
        report[key] = {"first_third_median": first, "last_third_median": last, "growth": round(last - first, 1),
                       "slope_per_hour": round(slope_per_hour([(s["t"], s[key]) for s in after]), 1)}
        if key in TOLERANCE:
            share, floor = TOLERANCE[key]
            allowed = max(share * first, floor)
            report[key]["allowed_growth"] = round(allowed, 1)
            report[key]["ok"] = last - first <= allowed
    return report


def main():
    workers = [loop("chat-stream-%d" % i, chat_stream) for i in range(4)] + [loop("chat-%d" % i, chat_whole) for i in range(2)]
    workers += [loop("gateway-%d" % i, gateway) for i in range(2)] + [loop("batch", batch), loop("load-test", load_test)]
    started = time.monotonic()
    for worker in workers:
        worker.start()
    samples = []
    with open(os.path.join(out, "soak.csv"), "w", newline="") as f:
        writer = None
        while True:
            s = sample(time.monotonic() - started)
            samples.append(s)
            if writer is None:
                writer = csv.DictWriter(f, fieldnames=list(s))
                writer.writeheader()
            writer.writerow(s)
            f.flush()
            print(" ".join(f"{k}={v}" for k, v in s.items()), file=sys.stderr, flush=True)
            if time.monotonic() >= deadline:
                break
            time.sleep(max(0.0, SAMPLE_SECONDS - (time.monotonic() - started) % SAMPLE_SECONDS))
    for worker in workers:
        worker.join(timeout=180)
    report = {"seconds": SECONDS, "warm_up_seconds": WARM_UP_SECONDS, "sample_seconds": SAMPLE_SECONDS,
              "traffic": dict(counts), "measures": verdict(samples)}
    report["ok"] = all(m.get("ok", True) for m in report["measures"].values())
    with open(os.path.join(out, "soak.json"), "w") as f:
        json.dump(report, f, indent=1)
    for key, m in report["measures"].items():
        print(f"{key}: slope {m['slope_per_hour']:+.1f}/h after warm-up, growth {m['growth']:+.1f}"
              + (f" (allowed {m['allowed_growth']})" if "allowed_growth" in m else ""))
    print(f"traffic: {counts}")
    print("soak " + ("passed" if report["ok"] else "FAILED: growth past tolerance"))
    sys.exit(0 if report["ok"] else 1)


if __name__ == "__main__":
    main()
