#!/usr/bin/env python3
"""Turns the results of benchmarks/run.sh into summary.md (tables and targets) and fanout.svg.

Usage: report.py RESULTS_DIR

Reads jmh-percall-round-N.json (N = 1, 2, ...), jmh-percall.json, jmh-decode.json, fanout.json,
paging.json and startup.json from
RESULTS_DIR (any that are missing are left out) and writes RESULTS_DIR/summary.md and
RESULTS_DIR/fanout.svg. Python 3 standard library only.
"""

import json
import math
import os
import sys


def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def jmh_index(results):
    """Maps 'Class.method' to (score, error, unit, allocated bytes per op or None)."""
    out = {}
    for r in results or []:
        name = ".".join(r["benchmark"].split(".")[-2:])
        primary = r["primaryMetric"]
        alloc = None
        for key, metric in r.get("secondaryMetrics", {}).items():
            if key.lstrip("\u00b7") == "gc.alloc.rate.norm":
                alloc = metric["score"]
        out[name] = (primary["score"], primary["scoreError"], primary["scoreUnit"], alloc)
    return out


def verdict(ok):
    return "met" if ok else "**missed**"


def fmt(x, digits=1):
    if isinstance(x, str):
        try:
            x = float(x)
        except ValueError:
            return "n/a"
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    return f"{x:,.{digits}f}"


def median(values):
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def per_call_section(jmh, rounds, lines, targets):
    """rounds: one jmh_index per round of PerCallBenchmark (SDK and raw back to back)."""
    rounds = [r for r in rounds if r.get("PerCallBenchmark.sdk") and r.get("PerCallBenchmark.raw")]
    if not rounds:
        return
    ratios = [r["PerCallBenchmark.sdk"][0] / r["PerCallBenchmark.raw"][0] for r in rounds]
    ratio = median(ratios)
    lines += [
        "## Per-call overhead: VCC read of 50 users",
        "",
        f"{len(rounds)} rounds, each measuring the SDK and the raw call one after the other; the ratio is the median of the rounds' ratios.",
        "",
        "| round | presence-sdk `VonageClient.presences` | raw OkHttp + hand-written Moshi decode | sdk / raw | allocated per call, sdk / raw |",
        "|---:|---:|---:|---:|---:|",
    ]
    for i, r in enumerate(rounds, 1):
        sdk, raw = r["PerCallBenchmark.sdk"], r["PerCallBenchmark.raw"]
        lines.append(
            f"| {i} | {fmt(sdk[0])} ± {fmt(sdk[1])} µs | {fmt(raw[0])} ± {fmt(raw[1])} µs "
            f"| {sdk[0] / raw[0]:.3f} | {fmt(sdk[3] / 1024 if sdk[3] else None)} / {fmt(raw[3] / 1024 if raw[3] else None)} KiB |"
        )
    lines += [
        f"| **median** | | | **{ratio:.3f}** (range {min(ratios):.3f} to {max(ratios):.3f}) | |",
        "",
    ]
    parts = [
        ("raw", "raw call (as above)"),
        ("rawSdkDecoder", "raw call, decoded by the SDK's adapter"),
        ("rawCallTimeout", "raw call with a per-call timeout, as the SDK sets"),
        ("rawOnWorker", "raw call handed to a worker thread and joined, as the SDK's bulk read does"),
    ]
    rows = [(jmh.get("PerCallBreakdownBenchmark." + k), label) for k, label in parts]
    if all(r for r, _ in rows):
        base = rows[0][0][0]
        lines += [
            "Breakdown (one run after the rounds: the raw call with one SDK step added at a time):",
            "",
            "| variant | time per call | vs raw |",
            "|---|---:|---:|",
        ]
        for r, label in rows:
            lines.append(f"| {label} | {fmt(r[0])} ± {fmt(r[1])} µs | {r[0] / base:.3f} |")
        lines.append("")
    targets.append(("Per-call overhead ≤ 1.05× raw OkHttp+Moshi", f"{ratio:.3f}×", ratio <= 1.05))


def decode_section(jmh, lines, targets):
    payloads = [("vcc", "VCC, 50 entries"), ("voipNow", "VoipNow page, 5,000 entries")]
    decoders = [
        ("Sdk", "presence-sdk adapters"),
        ("MoshiReflective", "Moshi reflective (classes)"),
        ("MoshiRecords", "Moshi records"),
        ("Jackson", "Jackson databind"),
    ]
    if not any(jmh.get(f"DecodeBenchmark.{p}Sdk") for p, _ in payloads):
        return
    lines += [
        "## Decoding",
        "",
        "| payload | decoder | ops/s | allocated per op | ops/s vs Jackson | allocation vs Moshi reflective |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for p, plabel in payloads:
        jackson = jmh.get(f"DecodeBenchmark.{p}Jackson")
        moshi = jmh.get(f"DecodeBenchmark.{p}MoshiReflective")
        for d, dlabel in decoders:
            r = jmh.get(f"DecodeBenchmark.{p}{d}")
            if not r:
                continue
            vs_jackson = r[0] / jackson[0] if jackson else None
            vs_moshi = r[3] / moshi[3] if moshi and moshi[3] and r[3] else None
            lines.append(
                f"| {plabel} | {dlabel} | {fmt(r[0], 0)} ± {fmt(r[1], 0)} | {fmt(r[3] / 1024 if r[3] else None)} KiB "
                f"| {fmt(vs_jackson, 2)}× | {fmt(vs_moshi, 2)}× |"
            )
        sdk = jmh.get(f"DecodeBenchmark.{p}Sdk")
        if sdk and jackson and moshi:
            targets.append(
                (f"Decoding {plabel}: SDK at least as fast as Jackson",
                 f"{sdk[0] / jackson[0]:.2f}×", sdk[0] >= jackson[0]))
            targets.append(
                (f"Decoding {plabel}: SDK allocates less than Moshi reflective",
                 f"{sdk[3] / moshi[3]:.2f}×", sdk[3] < moshi[3]))
    lines.append("")


def fanout_section(fanout, lines, targets):
    if not fanout:
        return
    runs = fanout["runs"]
    lines += [
        "## Fan-out: server answers after 20 ms",
        "",
        "| vendor | ids | c | sdk wall (median) | raw OkHttp wall | ideal ⌈requests/c⌉×20 ms | sdk / ideal | sdk / raw | requests (expected) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        reqs = ", ".join(str(n) for n in r["requests"])
        lines.append(
            f"| {r['vendor']} | {r['ids']:,} | {r['concurrency']} | {fmt(r['wallMillisMedian'])} ms "
            f"| {fmt(r.get('rawWallMillisMedian'))} ms | {r['idealMillis']} ms | {r['ratioToIdeal']:.3f} "
            f"| {fmt(r.get('ratioToRaw'), 3)} | {reqs} ({r['expectedRequests']}) |"
        )
    lines.append("")
    for vendor in sorted({r["vendor"] for r in runs}):
        by_c = {r["concurrency"]: r for r in runs if r["vendor"] == vendor}
        if 8 in by_c:
            targets.append(
                (f"Fan-out {vendor}: c=8 within 1.25× ideal",
                 f"{by_c[8]['ratioToIdeal']:.3f}×", by_c[8]["ratioToIdeal"] <= 1.25))
        if 1 in by_c and 8 in by_c:
            speedup = by_c[1]["wallMillisMedian"] / by_c[8]["wallMillisMedian"]
            targets.append(
                (f"Fan-out {vendor}: c=8 at least 6× faster than c=1", f"{speedup:.2f}×", speedup >= 6))
        exact = all(r["requestsExact"] for r in by_c.values())
        expected = next(iter(by_c.values()))["expectedRequests"]
        targets.append(
            (f"Requests {vendor}: exactly {expected} per read", "exact" if exact else "not exact", exact))


def paging_section(paging, lines, targets):
    if not paging:
        return
    lines += [
        "## Paging: VoipNow listing in a JVM with -Xmx64m",
        "",
        "| server | entries | wall | entries/s | peak heap used (sampled) | live heap half way (after a full GC) | GCs | requests | ⌈n/page⌉ |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in paging["runs"]:
        lines.append(
            f"| {r['server']} | {int(r['entries']):,} | {fmt(r['wallMillis'] / 1000, 2)} s "
            f"| {int(r['entriesPerSecond']):,} | {fmt(r['sampledPeakHeapMiB'])} MiB | {fmt(r['liveHeapMidwayMiB'])} MiB "
            f"| {int(r['gcCollections'])} | {r['requests']} | {r['floorRequests']} |"
        )
        targets.append(
            (f"Paging ({r['server']}): {int(r['entries']):,} entries complete in {r['heap']}",
             f"{int(r['entries']):,}", True))
        targets.append(
            (f"Requests VoipNow ({r['server']}): ⌈n/page⌉ = {r['floorRequests']}",
             str(r["requests"]), r["requests"] == r["floorRequests"]))
    lines.append("")


def startup_section(startup, lines):
    if not startup:
        return
    s, r = startup["sdk"], startup["raw"]
    lines += [
        f"## Client start-up: fresh JVM, build a client and make the first call ({startup['call']})",
        "",
        "| client | build | first call | build + first call | whole JVM process |",
        "|---|---:|---:|---:|---:|",
        f"| presence-sdk | {fmt(s['buildMillisMedian'])} ms | {fmt(s['firstCallMillisMedian'])} ms | {fmt(s['totalMillisMedian'])} ms | {fmt(s['processMillisMedian'], 0)} ms |",
        f"| raw OkHttp + Moshi | {fmt(r['buildMillisMedian'])} ms | {fmt(r['firstCallMillisMedian'])} ms | {fmt(r['totalMillisMedian'])} ms | {fmt(r['processMillisMedian'], 0)} ms |",
        f"| **ratio** | | | **{startup['ratioTotal']:.2f}** | {startup['ratioProcess']:.2f} |",
        "",
        f"Medians of {startup['forksPerMode']} JVMs per client.",
        "",
    ]


def nice(value, down):
    """The nearest 1, 2 or 5 × 10^k below (down) or above value."""
    steps = [m * 10 ** e for e in range(-1, 7) for m in (1, 2, 5)]
    return max(s for s in steps if s <= value) if down else min(s for s in steps if s >= value)


def svg_chart(fanout, path):
    runs = fanout["runs"]
    vendors = []
    for r in runs:
        if r["vendor"] not in vendors:
            vendors.append(r["vendor"])
    titles = {"vonage": "VCC: 10,000 ids (200 requests of 50)", "talkdesk": "Talkdesk: 500 users (500 requests)"}
    pw, ph, ml, mr, mt, mb = 420, 300, 62, 24, 40, 48
    width = pw * len(vendors)
    height = ph + 44
    series = [
        ("idealMillis", "ideal ⌈n/c⌉ × 20 ms", "#888888", "6,4"),
        ("rawWallMillisMedian", "raw OkHttp", "#e07b00", None),
        ("wallMillisMedian", "presence-sdk", "#1f5fbf", None),
    ]
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for i, vendor in enumerate(vendors):
        rows = sorted((r for r in runs if r["vendor"] == vendor), key=lambda r: r["concurrency"])
        x0 = i * pw
        values = [r[k] for r in rows for k, _, _, _ in series if r.get(k)]
        lo = nice(min(values), down=True)
        hi = nice(max(values), down=False)
        cs = [r["concurrency"] for r in rows]
        cmin, cmax = math.log2(min(cs)), math.log2(max(cs))

        def px(c):
            return x0 + ml + (math.log2(c) - cmin) / (cmax - cmin) * (pw - ml - mr)

        def py(v):
            return mt + (math.log10(hi) - math.log10(v)) / (math.log10(hi) - math.log10(lo)) * (ph - mt - mb)

        out.append(f'<text x="{x0 + pw / 2}" y="20" text-anchor="middle" font-weight="bold">{titles.get(vendor, vendor)}</text>')
        decade = 10 ** math.floor(math.log10(lo))
        while decade <= hi:
            for m in (1, 2, 5):
                v = decade * m
                if lo <= v <= hi:
                    y = py(v)
                    out.append(f'<line x1="{x0 + ml}" y1="{y:.1f}" x2="{x0 + pw - mr}" y2="{y:.1f}" stroke="#e5e5e5"/>')
                    label = f"{v / 1000:g} s" if v >= 1000 else f"{v:g} ms"
                    out.append(f'<text x="{x0 + ml - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#444">{label}</text>')
            decade *= 10
        for c in cs:
            x = px(c)
            out.append(f'<line x1="{x:.1f}" y1="{mt}" x2="{x:.1f}" y2="{ph - mb}" stroke="#f0f0f0"/>')
            out.append(f'<text x="{x:.1f}" y="{ph - mb + 16}" text-anchor="middle" fill="#444">{c}</text>')
        out.append(f'<text x="{x0 + ml + (pw - ml - mr) / 2}" y="{ph - mb + 34}" text-anchor="middle">concurrency (maxConcurrency)</text>')
        out.append(f'<line x1="{x0 + ml}" y1="{mt}" x2="{x0 + ml}" y2="{ph - mb}" stroke="#444"/>')
        out.append(f'<line x1="{x0 + ml}" y1="{ph - mb}" x2="{x0 + pw - mr}" y2="{ph - mb}" stroke="#444"/>')
        for key, _, color, dash in series:
            pts = [(px(r["concurrency"]), py(r[key])) for r in rows if r.get(key)]
            if not pts:
                continue
            d = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
            dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
            out.append(f'<polyline points="{d}" fill="none" stroke="{color}" stroke-width="2"{dash_attr}/>')
            for x, y in pts:
                out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{color}"/>')
    lx = 20
    for _, label, color, dash in series:
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<line x1="{lx}" y1="{ph + 20}" x2="{lx + 28}" y2="{ph + 20}" stroke="{color}" stroke-width="2"{dash_attr}/>')
        out.append(f'<text x="{lx + 34}" y="{ph + 24}">{label}</text>')
        lx += 60 + 7 * len(label)
    out.append(f'<text x="{width - 10}" y="{ph + 24}" text-anchor="end" fill="#666">wall time, median; log scales</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    directory = sys.argv[1]
    percall = jmh_index(load(directory, "jmh-percall.json"))
    decode = jmh_index(load(directory, "jmh-decode.json"))
    fanout = load(directory, "fanout.json")
    paging = load(directory, "paging.json")
    startup = load(directory, "startup.json")
    lines = ["# presence-sdk benchmark results", ""]
    targets = []
    rounds = []
    while True:
        round_results = load(directory, f"jmh-percall-round-{len(rounds) + 1}.json")
        if round_results is None:
            break
        rounds.append(jmh_index(round_results))
    per_call_section(percall, rounds, lines, targets)
    decode_section(decode, lines, targets)
    fanout_section(fanout, lines, targets)
    paging_section(paging, lines, targets)
    startup_section(startup, lines)
    if targets:
        lines += ["## Targets", "", "| target | measured | |", "|---|---:|---|"]
        lines += [f"| {name} | {value} | {verdict(ok)} |" for name, value, ok in targets]
        lines.append("")
    with open(os.path.join(directory, "summary.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    if fanout:
        svg_chart(fanout, os.path.join(directory, "fanout.svg"))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
