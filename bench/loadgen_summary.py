"""Sums up a results folder of bench/loadgen-*.sh as one JSON document on stdout, the machine included.
    python3 bench/loadgen_summary.py speed DIR DURATION USERS CORES
    python3 bench/loadgen_summary.py stream DIR          (accuracy and scale: every generator-*.json in DIR)"""
import glob
import json
import os
import platform
import statistics
import subprocess
import sys


def sh(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unknown"


def machine(directory):
    cpu = next((line.split(":", 1)[1].strip() for line in sh("lscpu").splitlines() if line.startswith("Model name")),
               "unknown")
    mem_kb = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    load = {}
    for when in ("before", "after"):
        path = os.path.join(directory, f"load-{when}.txt")
        if os.path.exists(path):
            load[when] = open(path).read().strip().split("load average:")[-1].strip()
    return {"cpus": int(sh("nproc")), "cpu": cpu, "memory_gib": round(mem_kb / 1048576, 1),
            "kernel": platform.release(), "java": java_version(), "load_average": load,
            "shared": "other helpers' builds and tests ran on the same 2 cores during the run"}


def java_version():
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else "java"
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[1].strip() if len(out) > 1 else "unknown"


def speed(directory, duration, users, cores):
    runs = {}
    for line in open(os.path.join(directory, "rounds.txt")):
        tool, round_, value = line.split()[:3]
        runs.setdefault(tool, []).append(float(value))
    median = {tool: statistics.median(values) for tool, values in runs.items()}
    pairs = {"generator_over_locust_1_process": ("generator", "locust"),
             f"generator_over_locust_{cores}_workers": ("generator", f"locust-w{cores}"),
             "generator_over_wrk": ("generator", "wrk"), "jdk_client_over_wrk": ("jdk", "wrk"),
             "jetty_client_over_wrk": ("jetty", "wrk"), "jetty_over_jdk_client": ("jetty", "jdk"),
             "jetty_vt_over_jetty": ("jetty-vt", "jetty"),
             "generator_over_jetty_client": ("generator", "jetty"), "locust_1_process_over_wrk": ("locust", "wrk")}
    ratios = {name: round(median[a] / median[b], 3) for name, (a, b) in pairs.items() if a in median and b in median}
    cpu = {}
    for client in ("jdk", "jetty", "jetty-vt"):
        values = [json.load(open(f))["cpu_us_per_request"] for f in glob.glob(os.path.join(directory, f"client-{client}-[0-9]*.json"))]
        if values:
            cpu[client] = statistics.median(values)
    generator = []
    for name in ("generator",):
        values = [json.load(open(path)) for path in glob.glob(os.path.join(directory, f"{name}-[0-9]*.json"))]
        if values:
            cpu[name] = round(statistics.median(d["jvm"]["cpu_s"] * 1e6 / max(1, d["result"]["overall"]["requests"])
                                                for d in values), 1)
    return {"when": os.path.basename(directory).split("-", 1)[1], "machine": machine(directory),
            "settings": {"seconds_per_round": duration, "users": users, "rounds": max(len(v) for v in runs.values()),
                         "tools": {"wrk": "wrk -t1 -c64", "locust": "Locust FastHttpUser, one process",
                                   f"locust-w{cores}": f"Locust FastHttpUser, master + {cores} workers",
                                   "generator": "HttpLoadGenerator, load.type throughput, user 64",
                                   "jdk": "java.net.http.HttpClient alone as HttpChat set it up before, 64 virtual threads",
                                   "jetty": "Jetty 12.1 HttpClient alone as HttpChat sets it up, 64 virtual threads",
                                   "jetty-vt": "the same on Jetty's VirtualThreadPool"}},
            "requests_per_second": runs, "median": median, "ratios": ratios,
            "client_cpu_us_per_request_median": cpu}


def stream(directory):
    rounds = []
    for path in sorted(glob.glob(os.path.join(directory, "generator-*.json"))):
        doc = json.load(open(path))
        overall, gen = doc["result"]["overall"], doc["result"]["generator"]
        series = doc["jvm"]["series"]
        rounds.append({"file": os.path.basename(path), "plan": doc["plan"], "cpu_s": doc["jvm"]["cpu_s"],
                       "requests": overall["requests"],
                       "failures": overall["failures"], "requests_per_s": overall["requests_per_s"],
                       "ttft_ms": overall["ttft_ms"], "itl_ms": overall["itl_ms"], "latency_ms": overall["latency_ms"],
                       "lateness_ms": gen["lateness_ms"], "behind": gen["behind"], "warning": gen["warning"],
                       "peak_active_users": max((p["active_users"] for p in doc["result"]["series"]), default=0),
                       "jvm": {"threads_peak": max(p["threads"] for p in series),
                               "heap_used_peak_mb": max(p["heap_mb"] for p in series),
                               "rss_peak_mb": max(p["rss_mb"] for p in series), "max_heap_mb": doc["jvm"]["max_heap_mb"]}})
    baseline = []
    for path in sorted(glob.glob(os.path.join(directory, "streambench-*.json"))):
        doc = json.load(open(path))
        baseline.append({"file": os.path.basename(path), "streams": doc["streams"], "ok": doc["ok"], "failed": doc["failed"],
                         "max_open": doc["max_open"],
                         "ttft_ms": doc["ttft_ms"], "itl_ms": doc["itl_ms"]})
    result = {"when": os.path.basename(directory).split("-", 1)[1], "machine": machine(directory), "rounds": rounds}
    if baseline:
        result["streambench"] = baseline
    return result


if __name__ == "__main__":
    kind, directory = sys.argv[1], sys.argv[2]
    if kind == "speed":
        print(json.dumps(speed(directory, int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])), indent=2))
    else:
        print(json.dumps(stream(directory), indent=2))
