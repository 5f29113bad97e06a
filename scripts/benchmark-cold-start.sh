#!/usr/bin/env bash
# Times cold runs of `plan` on the embedded model: a new process each run, as a user starts it.
# Publishes the CLI twice (plain JIT and ReadyToRun) and compares; the figure is recorded in docs/performance.md.
# Usage: scripts/benchmark-cold-start.sh [RUNS]   (default 10; needs the .NET SDK; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

publish() { # name, extra msbuild arguments...
  local name="$1"; shift
  dotnet publish src/Tarantool.Agents.Cli -c Release -r "$rid" --self-contained false -o "artifacts/benchmark/$name" "$@" >/dev/null
}

echo "Publishing for $rid (JIT and ReadyToRun)..." >&2
publish jit -p:PublishReadyToRun=false
publish r2r -p:PublishReadyToRun=true

# The request of the README's first example; each run writes a fresh bundle folder.
plan_args=(plan --cluster-name orders --cluster-type sharded --environment production --json
  "Orders DB, 300 GB, 40k read RPS, AWS, 4 shards")

time_runs() { # name
  local dll="artifacts/benchmark/$1/tarantool-agents.dll"
  dotnet "$dll" "${plan_args[@]}" --output "$work/warmup" >/dev/null # fills the OS file cache, as on a used machine
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs "$runs" --prepare "rm -rf $work/$1" --command-name "$1" \
      "dotnet $dll ${plan_args[*]@Q} --output $work/$1 >/dev/null"
    return
  fi
  # Wall time is what a user waits for; CPU time (user + sys) is what the run costs, and stays meaningful when
  # other work loads the machine (compare it with `uptime` before trusting the wall figure).
  local total=0 best=999999 worst=0 cpu=0
  for ((i = 0; i < runs; i++)); do
    rm -rf "${work:?}/$1"
    local start end ms
    start=$(date +%s%N)
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu" dotnet "$dll" "${plan_args[@]}" --output "$work/$1" >/dev/null
      cpu=$((cpu + $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")))
    else
      dotnet "$dll" "${plan_args[@]}" --output "$work/$1" >/dev/null
    fi
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    total=$((total + ms)); ((ms < best)) && best=$ms; ((ms > worst)) && worst=$ms
  done
  printf '%-4s wall mean %5d ms  min %5d ms  max %5d ms  cpu mean %5d ms  (%d runs)\n' "$1" $((total / runs)) "$best" "$worst" $((cpu / runs)) "$runs"
}

uptime >&2
time_runs jit
time_runs r2r
