#!/usr/bin/env python3
"""Models the wall time of a bundle on a real provider from a bundle's own token counts.

Not a timed test: it reads bundle.json (phases, dependencies, input and output tokens), prices every phase as
prefill + decode time of a hosted model, and schedules the phase graph the way the engine does: a phase starts
when its dependencies are done and a slot is free (--max-parallel N), or one phase at a time (--sequential).

usage: tests/bench/model-latency.py BUNDLE_DIR... [--prefill TOKENS_PER_S] [--decode TOKENS_PER_S]
       [--latency SECONDS] [--max-parallel N] [--split KEY=N]

--split documentation=7 prices the documentation phase as 7 concurrent calls (each with the whole prompt and a
seventh of the answer), i.e. what splitting the guides into separate calls would give.
"""
import argparse
import heapq
import json
import os
import sys


def phase_seconds(phase, prefill, decode, latency, parts=1):
    usage = phase["usage"]
    calls = max(1, usage["calls"])
    return calls * latency + usage["inputTokens"] / prefill + usage["outputTokens"] / parts / decode


def schedule(phases, cost, slots):
    """Finish time of the whole graph with at most `slots` phases at once (list scheduling in id order)."""
    done = {}
    running = []  # (finish, id)
    pending = sorted(phases, key=lambda p: p["id"])
    now = 0.0
    while pending or running:
        started = False
        for phase in list(pending):
            if len(running) >= slots:
                break
            if all(d in done and done[d] <= now for d in phase["dependsOn"]):
                heapq.heappush(running, (now + cost[phase["id"]], phase["id"]))
                pending.remove(phase)
                started = True
        if running and not started:
            now, finished = heapq.heappop(running)
            done[finished] = now
        elif not running:
            raise SystemExit("the phase graph cannot be scheduled")
    return max(done.values())


def critical_path(phases, cost):
    by_id = {p["id"]: p for p in phases}
    memo = {}

    def longest(pid):
        if pid not in memo:
            deps = by_id[pid]["dependsOn"]
            best = max(deps, key=longest, default=None)
            memo[pid] = (cost[pid] + (longest(best)[0] if best else 0), (longest(best)[1] if best else []) + [by_id[pid]["key"]])
        return memo[pid]

    return max((longest(p["id"]) for p in phases), key=lambda x: x[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundles", nargs="+")
    parser.add_argument("--prefill", type=float, default=2500.0, help="prompt tokens per second (default 2500)")
    parser.add_argument("--decode", type=float, default=60.0, help="answer tokens per second (default 60, gpt-4o class)")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds of overhead per call (default 1)")
    parser.add_argument("--max-parallel", type=int, default=8)
    parser.add_argument("--split", action="append", default=[], help="KEY=N: price phase KEY as N concurrent calls")
    args = parser.parse_args()
    print(f"{'bundle':40} {'sequential':>11} {'parallel':>9} {'ratio':>6}  critical path")
    for path in args.bundles:
        with open(os.path.join(path, "bundle.json"), encoding="utf-8") as f:
            phases = json.load(f)["phases"]
        splits = {k: int(n) for k, n in (item.split("=", 1) for item in args.split)}
        # Sequential runs every call one after another, split or not.
        sequential = sum(phase_seconds(p, args.prefill, args.decode, args.latency) + (splits.get(p["key"], 1) - 1) * (args.latency + p["usage"]["inputTokens"] / args.prefill) for p in phases)
        cost = {p["id"]: phase_seconds(p, args.prefill, args.decode, args.latency, splits.get(p["key"], 1)) for p in phases}
        parallel = schedule(phases, cost, args.max_parallel)
        length, keys = critical_path(phases, cost)
        print(f"{os.path.basename(os.path.normpath(path)):40} {sequential:10.0f}s {parallel:8.0f}s {parallel / sequential:6.2f}  "
              f"{length:.0f}s: {' > '.join(keys)}")


if __name__ == "__main__":
    sys.exit(main())
