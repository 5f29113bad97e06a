#!/usr/bin/env python3
"""Models the wall time of a bundle on a real provider from a bundle's own token counts.

Not a timed test: it reads bundle.json (phases, dependencies, the calls of split phases, input and output tokens),
prices every model call as a fixed latency plus prefill and decode time of a hosted model, and schedules the calls
the way the engine does: a phase's call starts when the phases it depends on are done and one of the --max-parallel
slots is free; a split phase's parts (bundle.json `parts`) are one call and one slot each, run concurrently, and its
frame call starts when every part is done; --sequential runs every call one after another.

usage: tests/bench/model-latency.py BUNDLE_DIR... [--prefill TOKENS_PER_S] [--decode TOKENS_PER_S]
       [--latency SECONDS] [--max-parallel N] [--split KEY=N]

--split KEY=N prices a phase that was asked in one call as N concurrent calls (each with the whole prompt and an
N-th of the answer) followed by nothing else: an estimate of what splitting that phase too would give.
"""
import argparse
import heapq
import json
import os
import sys


def call_seconds(usage, prefill, decode, latency):
    return max(1, usage["calls"]) * latency + usage["inputTokens"] / prefill + usage["outputTokens"] / decode


def tasks_of(phases, args, splits):
    """Every call as a task: (name, phase id, cost, dependencies as task names), in the engine's start order."""
    tasks = []
    last = {}  # phase id -> the task that completes it
    for phase in sorted(phases, key=lambda p: p["id"]):
        deps = [last[d] for d in phase["dependsOn"]]
        parts = phase.get("parts") or []
        usage = phase["usage"]
        if parts:
            names = []
            for part in parts:
                name = f"{phase['key']}.{part['key']}"
                tasks.append((name, phase["id"], call_seconds(part["usage"], args.prefill, args.decode, args.latency), deps))
                names.append(name)
            frame = {k: usage[k] - sum(p["usage"][k] for p in parts) for k in ("calls", "inputTokens", "outputTokens")}
            tasks.append((phase["key"], phase["id"], call_seconds(frame, args.prefill, args.decode, args.latency), names))
        elif splits.get(phase["key"], 1) > 1:
            n = splits[phase["key"]]
            share = {"calls": max(1, usage["calls"]), "inputTokens": usage["inputTokens"], "outputTokens": usage["outputTokens"] / n}
            names = [f"{phase['key']}.{i + 1}" for i in range(n)]
            for name in names:
                tasks.append((name, phase["id"], call_seconds(share, args.prefill, args.decode, args.latency), deps))
            tasks.append((phase["key"], phase["id"], 0.0, names))
        else:
            tasks.append((phase["key"], phase["id"], call_seconds(usage, args.prefill, args.decode, args.latency), deps))
        last[phase["id"]] = phase["key"]
    return tasks


def schedule(tasks, slots):
    """Finish time of all tasks with at most `slots` calls at once (list scheduling in start order)."""
    done = {}
    running = []  # (finish, name)
    pending = list(tasks)
    now = 0.0
    while pending or running:
        started = False
        for task in list(pending):
            name, _, cost, deps = task
            if not all(d in done and done[d] <= now for d in deps):
                continue
            if cost == 0.0:  # a join with no call of its own takes no slot
                done[name] = now
                pending.remove(task)
                started = True
                continue
            if len(running) >= slots:
                continue
            heapq.heappush(running, (now + cost, name))
            pending.remove(task)
            started = True
        if running and not started:
            now, finished = heapq.heappop(running)
            done[finished] = now
        elif not running and not started:
            raise SystemExit("the call graph cannot be scheduled")
    return max(done.values())


def critical_path(tasks):
    by_name = {t[0]: t for t in tasks}
    memo = {}

    def longest(name):
        if name not in memo:
            _, _, cost, deps = by_name[name]
            best = max(deps, key=lambda d: longest(d)[0], default=None)
            head = longest(best) if best else (0.0, [])
            memo[name] = (cost + head[0], head[1] + [name])
        return memo[name]

    return max((longest(t[0]) for t in tasks), key=lambda x: x[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bundles", nargs="+")
    parser.add_argument("--prefill", type=float, default=2500.0, help="prompt tokens per second (default 2500)")
    parser.add_argument("--decode", type=float, default=60.0, help="answer tokens per second (default 60, gpt-4o class)")
    parser.add_argument("--latency", type=float, default=1.0, help="seconds of overhead per call (default 1)")
    parser.add_argument("--max-parallel", type=int, default=8)
    parser.add_argument("--split", action="append", default=[], help="KEY=N: price unsplit phase KEY as N concurrent calls")
    args = parser.parse_args()
    splits = {k: int(n) for k, n in (item.split("=", 1) for item in args.split)}
    print(f"{'bundle':32} {'sequential':>11} {'parallel':>9} {'ratio':>6}  critical path")
    worst = 0.0
    for path in args.bundles:
        with open(os.path.join(path, "bundle.json"), encoding="utf-8") as f:
            phases = json.load(f)["phases"]
        tasks = tasks_of(phases, args, splits)
        sequential = sum(t[2] for t in tasks)
        parallel = schedule(tasks, args.max_parallel)
        length, names = critical_path(tasks)
        worst = max(worst, parallel / sequential)
        print(f"{os.path.basename(os.path.normpath(path)):32} {sequential:10.0f}s {parallel:8.0f}s {parallel / sequential:6.2f}  "
              f"{length:.0f}s: {' > '.join(names)}")
    print(f"worst ratio {worst:.2f} with --max-parallel {args.max_parallel}")


if __name__ == "__main__":
    sys.exit(main())
