#!/usr/bin/env bash
# Times cold runs of `plan` on the embedded model: a new process each run, as a user starts it.
# Publishes the CLI three ways and compares: plain JIT (what the .NET tool package runs), framework-dependent
# ReadyToRun (`--self-contained false`) and the default platform publish (self-contained, one composite ReadyToRun
# image with the runtime). The figures are recorded in docs/performance.md.
# Usage: scripts/benchmark-cold-start.sh [RUNS]   (default 10; needs the .NET SDK; uses hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-10}"
rid="$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

publish() { # name, extra msbuild arguments...
  local name="$1"; shift
  local log="$work/publish-$name.log"
  if ! dotnet publish src/Tarantool.Agents.Cli -c Release -r "$rid" -o "artifacts/benchmark/$name" "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "publishing $name failed" >&2
    exit 1
  fi
}

echo "Publishing for $rid (JIT, ReadyToRun, self-contained composite ReadyToRun)..." >&2
publish jit --self-contained false -p:PublishReadyToRun=false
publish r2r --self-contained false
publish composite
# Build servers left running by the publishes would share the cores with the timed runs.
dotnet build-server shutdown >/dev/null 2>&1 || true

# The request of the README's first example; each run writes a fresh bundle folder.
plan_args=(plan --cluster-name orders --cluster-type sharded --environment production --json
  "Orders DB, 300 GB, 40k read RPS, AWS, 4 shards")

command_of() { # name -> the command that starts that variant
  case "$1" in
    composite) echo "artifacts/benchmark/composite/tarantool-agents" ;;
    *) echo "dotnet artifacts/benchmark/$1/tarantool-agents.dll" ;;
  esac
}

time_runs() { # name
  local -a cli
  read -r -a cli <<<"$(command_of "$1")"
  "${cli[@]}" "${plan_args[@]}" --output "$work/warmup" >/dev/null 2>&1 # fills the OS file cache, as on a used machine
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine --runs "$runs" --prepare "rm -rf $work/$1" --command-name "$1" \
      "${cli[*]} ${plan_args[*]@Q} --output $work/$1 >/dev/null 2>&1"
    return
  fi
  # Wall time is what a user waits for; CPU time (user + sys) is what the run costs, and stays meaningful when
  # other work loads the machine (compare it with `uptime` before trusting the wall figure).
  local -a walls=()
  local cpu=0
  for ((i = 0; i < runs; i++)); do
    rm -rf "${work:?}/$1"
    local start end
    start=$(date +%s%N)
    if [[ -x /usr/bin/time ]]; then
      /usr/bin/time -f '%U %S' -o "$work/cpu" "${cli[@]}" "${plan_args[@]}" --output "$work/$1" >/dev/null 2>&1
      cpu=$((cpu + $(awk '{ printf "%d", ($1 + $2) * 1000 }' "$work/cpu")))
    else
      "${cli[@]}" "${plan_args[@]}" --output "$work/$1" >/dev/null 2>&1
    fi
    end=$(date +%s%N)
    walls+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${walls[@]}" | sort -n | awk -v name="$1" -v cpu="$((cpu / runs))" '
    { wall[NR] = $1; total += $1 }
    END { printf "%-9s wall mean %5d ms  median %5d ms  min %5d ms  max %5d ms  cpu mean %5d ms  (%d runs)\n",
          name, total / NR, wall[int((NR + 1) / 2)], wall[1], wall[NR], cpu, NR }'
}

uptime >&2
time_runs jit
time_runs r2r
time_runs composite
