"""Draws the benchmark results as SVG (no plotting library needed): throughput against the
baselines, client-side TTFT/ITL percentiles at 1,000 streams, and the server's threads and
memory while it holds 10,000 streams; for the load generator (bench/loadgen-*.sh) its request
rate against wrk and Locust, its TTFT/ITL beside the set values, and its own threads and memory
at scale; for bench/soak.sh the server's heap, threads, descriptors and RSS over the soak. Each SVG gets a PNG beside it when rsvg-convert (librsvg2-bin) is installed.
python3 bench/charts.py RESULTS_DIR"""
import csv
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys

W, H, PAD = 640, 300, 56


def svg(title, body, subtitle="", height=H):
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{height}" font-family="sans-serif" font-size="12">'
            f'<rect width="100%" height="100%" fill="white"/><text x="{W / 2}" y="20" text-anchor="middle" '
            f'font-size="14" font-weight="bold">{title}</text><text x="{W / 2}" y="38" text-anchor="middle" '
            f'fill="#4a5568">{subtitle}</text>{body}</svg>')


def bars(title, subtitle, labels, values, unit, colors):
    top = max(values) * 1.15
    width = (W - 2 * PAD) / len(values)
    out = [f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="black"/>']
    for i, (label, value) in enumerate(zip(labels, values)):
        h = (H - 2 * PAD) * value / top
        x = PAD + i * width + width * 0.15
        out.append(f'<rect x="{x:.1f}" y="{H - PAD - h:.1f}" width="{width * 0.7:.1f}" height="{h:.1f}" fill="{colors[i % len(colors)]}"/>')
        out.append(f'<text x="{x + width * 0.35:.1f}" y="{H - PAD - h - 6:.1f}" text-anchor="middle">{value:,.0f} {unit}</text>')
        out.append(f'<text x="{x + width * 0.35:.1f}" y="{H - PAD + 18}" text-anchor="middle">{label}</text>')
    return svg(title, "".join(out), subtitle)


def lines(title, subtitle, series, xlabel):
    """Small multiples sharing the time axis: one row per (label, color, [(x, y)], unit), each from 0 to its peak."""
    row, top = 70, 56
    height = top + row * len(series) + 40
    xmax = max(x for _, _, points, _ in series for x, _ in points) or 1
    out = []
    for k, (label, color, points, unit) in enumerate(series):
        y0 = top + row * (k + 1) - 10
        peak = max(y for _, y in points) or 1
        scale = (row - 24) / peak
        path = " ".join(f"{PAD + 40 + (W - 2 * PAD - 40) * x / xmax:.1f},{y0 - y * scale:.1f}" for x, y in points)
        out.append(f'<line x1="{PAD + 40}" y1="{y0}" x2="{W - PAD}" y2="{y0}" stroke="#cbd5e0"/>')
        out.append(f'<polyline points="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        out.append(f'<text x="{PAD + 34}" y="{y0}" text-anchor="end" fill="#4a5568">0</text>')
        out.append(f'<text x="{PAD + 34}" y="{y0 - peak * scale + 4:.1f}" text-anchor="end" fill="{color}">{peak:,.0f}</text>')
        out.append(f'<text x="{PAD + 48}" y="{y0 - row + 22}" fill="{color}">{label}{" (" + unit + ")" if unit else ""}</text>')
    out.append(f'<text x="{PAD + 40}" y="{height - 14}" fill="#4a5568">0</text>')
    out.append(f'<text x="{W - PAD}" y="{height - 14}" text-anchor="end" fill="#4a5568">{xmax:.0f} {xlabel}</text>')
    return svg(title, "".join(out), subtitle, height)


def main(directory):
    charts = {}
    throughput = os.path.join(directory, "throughput.json")
    if os.path.exists(throughput):
        t = json.load(open(throughput))
        m = t["median"]
        charts["throughput.svg"] = bars(
            "Non-streaming chat completions with zero delay",
            f'wrk, {t["wrk"]["connections"]} connections, median of {len(t["requests_per_second"]["workbench"])} rounds: '
            f'{t["ratio_to_nginx"]:.2f}x nginx, {t["ratio_to_fastapi"]:.1f}x FastAPI',
            ["LLM Workbench", "nginx (static JSON)", "FastAPI emulator"], [m["workbench"], m["nginx"], m["fastapi"]],
            "req/s", ["#2b6cb0", "#718096", "#dd6b20"])
    rounds = sorted(glob.glob(os.path.join(directory, "1000-*.json")))
    if rounds:
        last = json.load(open(rounds[-1]))
        req = last["requested"]
        labels, values = [], []
        for metric, wanted in (("ttft_ms", req["ttft_ms"]), ("itl_ms", req["itl_ms"])):
            for q in ("p50", "p90", "p99"):
                labels.append(f'{metric[:-3].upper()} {q}')
                values.append(last[metric][q])
        charts["latency-1000.svg"] = bars(
            "1,000 concurrent streams, as the client measures them",
            f'asked for TTFT {req["ttft_ms"]} ms and ITL {req["itl_ms"]} ms, {req["tokens"]} tokens each',
            labels, values, "ms", ["#2b6cb0", "#2b6cb0", "#2b6cb0", "#38a169", "#38a169", "#38a169"])
    scale = os.path.join(directory, "10000.json")
    if os.path.exists(scale):
        s = json.load(open(scale))["server"]["series"]
        series = [("open streams", "#2b6cb0", [(p["t"], p["open_streams"]) for p in s], ""),
                  ("server threads", "#e53e3e", [(p["t"], p["threads"]) for p in s], ""),
                  ("server RSS", "#718096", [(p["t"], p["rss_mb"]) for p in s], "MB")]
        charts["scale-10000.svg"] = lines("10,000 concurrent streams", "threads stay flat; memory carries the load",
                                          series, "s")
    charts.update(loadgen_charts(directory))
    charts.update(soak_charts(directory))
    for name, content in charts.items():
        path = os.path.join(directory, name)
        with open(path, "w") as f:
            f.write(content)
        print(path)
        if shutil.which("rsvg-convert"):
            subprocess.run(["rsvg-convert", "-o", path[:-4] + ".png", path], check=True)
            print(path[:-4] + ".png")


def soak_charts(directory):
    """bench/soak.sh: heap after GC, threads, descriptors and RSS every 10 s of mixed traffic."""
    soak = os.path.join(directory, "soak.csv")
    if not os.path.exists(soak):
        return {}
    rows = list(csv.DictReader(open(soak)))
    report = json.load(open(os.path.join(directory, "soak.json"))) if os.path.exists(os.path.join(directory, "soak.json")) else {}
    slopes = ", ".join(f'{k} {m["slope_per_hour"]:+.0f}/h' for k, m in report.get("measures", {}).items())
    series = [("heap after GC", "#2b6cb0", [(float(r["t"]), float(r["heap_mb"])) for r in rows], "MB"),
              ("live threads", "#e53e3e", [(float(r["t"]), float(r["threads"])) for r in rows], ""),
              ("open file descriptors", "#38a169", [(float(r["t"]), float(r["fds"])) for r in rows], ""),
              ("RSS", "#718096", [(float(r["t"]), float(r["rss_mb"])) for r in rows], "MB")]
    return {"soak.svg": lines(f'Soak: {rows[-1]["t"]} s of mixed traffic', "slopes after warm-up: " + slopes if slopes else "",
                              series, "s")}


def loadgen_charts(directory):
    charts = {}
    speed = os.path.join(directory, "speed.json")
    if os.path.exists(speed):
        t = json.load(open(speed))
        m, r, cores = t["median"], t["ratios"], t["machine"]["cpus"]
        order = [("generator", "ours"), ("jetty", "Jetty"), ("jetty-vt", "Jetty VT"), ("jdk", "JDK"), ("wrk", "wrk"), ("locust", "Locust"), (f"locust-w{cores}", f"Locust x{cores}")]
        charts["loadgen-speed.svg"] = bars(
            "Requests/s against nginx (static chat completion), 64 in flight",
            f'median of {t["settings"]["rounds"]} rounds; ours {r.get("generator_over_locust_1_process")}x Locust, '
            f'{r.get("generator_over_wrk")}x wrk; Jetty, JDK: the clients alone',
            [label for key, label in order if key in m], [m[key] for key, _ in order if key in m], "",
            ["#2b6cb0", "#2c5282", "#4299e1", "#63b3ed", "#38a169", "#718096", "#dd6b20", "#ed8936"])
    accuracy = os.path.join(directory, "accuracy.json")
    if os.path.exists(accuracy):
        a = json.load(open(accuracy))
        plan = a["rounds"][0]["plan"]
        wanted = dict(h.split(":") for h in plan["headers"].split(","))
        for metric, header in (("ttft_ms", "X-TTFT-MS"), ("itl_ms", "X-ITL-MS")):
            labels, values = [], []
            for users in sorted({int(run["plan"]["user"]) for run in a["rounds"]}, reverse=True):
                ours = [run[metric]["p50"] for run in a["rounds"] if int(run["plan"]["user"]) == users]
                base = [run[metric]["p50"] for run in a.get("streambench", []) if run["streams"] == users]
                labels.append(f"{users} users, ours")
                values.append(statistics.median(ours))
                if base:
                    labels.append(f"{users} streams, base")
                    values.append(statistics.median(base))
            name = metric[:-3].upper()
            charts[f"loadgen-accuracy-{name.lower()}.svg"] = bars(
                f"{name} p50 as measured: our generator and StreamBench (base)",
                f"set to {wanted[header]} ms, {plan['output_lens']} tokens a stream; median of the rounds",
                labels, values, "ms", ["#2b6cb0", "#718096"])
    for doc in sorted(glob.glob(os.path.join(directory, "generator-*.json")))[-1:]:
        if not os.path.exists(os.path.join(directory, "scale.json")):
            break
        d = json.load(open(doc))
        series = [("active users", "#2b6cb0", [(p["second"], p["active_users"]) for p in d["result"]["series"]], ""),
                  ("generator threads", "#e53e3e", [(p["t"], p["threads"]) for p in d["jvm"]["series"]], ""),
                  ("generator heap used", "#718096", [(p["t"], p["heap_mb"]) for p in d["jvm"]["series"]], "MB")]
        charts["loadgen-scale.svg"] = lines(f'{d["plan"]["user"]} streaming users from one generator JVM',
                                            "virtual threads: platform threads stay flat", series, "s")
    return charts


if __name__ == "__main__":
    main(sys.argv[1])
