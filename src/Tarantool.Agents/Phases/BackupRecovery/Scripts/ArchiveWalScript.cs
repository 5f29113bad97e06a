namespace Tarantool.Agents.Phases.BackupRecovery.Scripts;

/// <summary>The template of backup/archive-wal.sh: continuous shipping of closed xlogs and a copy of the open one. Placeholders in double braces are filled by
/// <see cref="BackupScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class ArchiveWalScript
{
    public const string Template = """
#!/usr/bin/env bash
# Continuous WAL archival of one instance of cluster {{CLUSTER}} to {{KIND}}, every {{ARCHIVE_INTERVAL}} s.
# Closed xlogs are immutable: each is shipped once with a .sha256 beside it and remembered in a state file. The
# open xlog is shipped too, as wal/partial/current.xlog.partial, so that at most one interval of writes is
# missing off-host (the RPO) even when xlogs rotate rarely. Run it on the backup source's host, as a systemd
# service with --loop or from a timer:
#   backup/archive-wal.sh INSTANCE [--loop]       e.g. backup/archive-wal.sh {{EXAMPLE_INSTANCE}} --loop
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "${SCRIPT_DIR}/lib.sh"

INSTANCE="${1:-${BACKUP_INSTANCE:-}}"
LOOP="0"
if [[ "${2:-}" == "--loop" ]]; then LOOP="1"; fi
if [[ -z "$INSTANCE" || "$INSTANCE" == "-h" || "$INSTANCE" == "--help" ]]; then
  printf 'usage: %s INSTANCE [--loop]\nDesignated backup sources (replicaset instance host):\n' "$0" >&2
  print_sources
  exit 2
fi

BASE="$(storage_base "$INSTANCE")"
STATE_FILE="${STATE_DIR}/${INSTANCE}.archived"
WORK_DIR="$(mktemp -d)"
trap 'rm -rf "$WORK_DIR"' EXIT

wal_dir() {
  if [[ -n "${WAL_DIR:-}" ]]; then
    printf '%s\n' "$WAL_DIR"
  elif is_dry_run; then
    printf '%s\n' "${WORK_DIR}/wal"
  else
    tt_eval "$INSTANCE" "return '@@WAL_DIR=' .. require('fio').abspath(box.cfg.wal_dir) .. '@@'" | markers WAL_DIR
  fi
}

ship_once() {
  local dir name sum count i
  dir="$(wal_dir)"
  [[ -d "$dir" ]] || { log "WAL directory ${dir} not found"; return 0; }
  mapfile -t xlogs < <(find "$dir" -maxdepth 1 -name '*.xlog' -printf '%f\n' | sort)
  count=${#xlogs[@]}
  ((count > 0)) || return 0
  for ((i = 0; i + 1 < count; i++)); do
    name="${xlogs[$i]}"
    if grep -qxF "$name" "$STATE_FILE"; then continue; fi
    sum="$(sha256sum "${dir}/${name}" | cut -d ' ' -f 1)"
    printf '%s  %s\n' "$sum" "$name" > "${WORK_DIR}/${name}.sha256"
    storage_put "${dir}/${name}" "$BASE" "wal/${name}"
    storage_put "${WORK_DIR}/${name}.sha256" "$BASE" "wal/${name}.sha256"
    if ! is_dry_run; then printf '%s\n' "$name" >> "$STATE_FILE"; fi
    log "archived ${name}"
  done
  # A consistent copy of the open xlog: the tail may end in a torn row, which replay stops at.
  name="${xlogs[$((count - 1))]}"
  cp "${dir}/${name}" "${WORK_DIR}/current.xlog.partial"
  printf '%s\n' "$name" > "${WORK_DIR}/current.name"
  storage_put "${WORK_DIR}/current.xlog.partial" "$BASE" "wal/partial/current.xlog.partial"
  storage_put "${WORK_DIR}/current.name" "$BASE" "wal/partial/current.name"
  write_metric tarantool_wal_archive_last_success_timestamp_seconds "$INSTANCE" "$(date -u +%s)"
}

if ! is_dry_run; then
  mkdir -p "$STATE_DIR"
  touch "$STATE_FILE"
  exec 9>"${STATE_DIR}/${INSTANCE}.archive.lock"
  flock -n 9 || die "another archive-wal.sh for ${INSTANCE} is running"
  # A fresh state file (a new host, or the new pod of every Kubernetes Job run) learns from the storage which xlogs
  # are archived already (those with their .sha256 beside them), so closed xlogs are not shipped again.
  if [[ ! -s "$STATE_FILE" ]]; then
    { storage_list "$BASE" wal || true; } | sed -n 's/\.sha256$//p' | { grep '\.xlog$' || true; } > "$STATE_FILE"
  fi
fi

ship_once
while [[ "$LOOP" == "1" ]] && ! is_dry_run; do
  sleep "$WAL_ARCHIVE_INTERVAL"
  ship_once
done
""";
}
