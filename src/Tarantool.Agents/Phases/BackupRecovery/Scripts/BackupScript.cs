namespace Tarantool.Agents.Phases.BackupRecovery.Scripts;

/// <summary>The template of backup/backup.sh: hot backup of one instance with box.backup.start()/stop(), manifest and retention. Placeholders in double braces are filled by
/// <see cref="BackupScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class BackupScript
{
    public const string Template = """
#!/usr/bin/env bash
# Hot backup of one instance of cluster {{CLUSTER}} to {{KIND}} ({{SCHEDULE_NOTE}}).
# box.backup.start() pins the last checkpoint (garbage collection of its .snap and vinyl files is paused), the
# files it lists and the closed xlogs written since are copied off-host with a sha256 manifest, then
# box.backup.stop() lets the checkpoint daemon clean up again. Old backups are pruned to {{RETENTION}} days.
# Run it on the host of the instance (it talks to the instance's control socket):
#   backup/backup.sh INSTANCE        e.g. backup/backup.sh {{EXAMPLE_INSTANCE}}
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "${SCRIPT_DIR}/lib.sh"

usage() {
  printf 'usage: %s INSTANCE\nDesignated backup sources (replicaset instance host):\n' "$0" >&2
  print_sources
}

INSTANCE="${1:-${BACKUP_INSTANCE:-}}"
if [[ -z "$INSTANCE" || "$INSTANCE" == "-h" || "$INSTANCE" == "--help" ]]; then
  usage
  exit 2
fi

START_LUA="$(cat <<'LUA'
local fio = require('fio')
local out = {}
for _, f in ipairs(box.backup.start()) do out[#out + 1] = '@@FILE=' .. fio.abspath(f) .. '@@' end
out[#out + 1] = '@@MEMTX_DIR=' .. fio.abspath(box.cfg.memtx_dir) .. '@@'
out[#out + 1] = '@@WAL_DIR=' .. fio.abspath(box.cfg.wal_dir) .. '@@'
out[#out + 1] = '@@VINYL_DIR=' .. fio.abspath(box.cfg.vinyl_dir) .. '@@'
out[#out + 1] = '@@RO=' .. tostring(box.info.ro) .. '@@'
out[#out + 1] = '@@VERSION=' .. box.info.version .. '@@'
return out
LUA
)"

WORK_DIR="$(mktemp -d)"
BACKUP_OPEN=0

cleanup() {
  if [[ "$BACKUP_OPEN" == "1" ]]; then
    tt_eval "$INSTANCE" "box.backup.stop() return '@@STOPPED=1@@'" >/dev/null \
      || log "WARNING: box.backup.stop() failed on ${INSTANCE}; run it by hand, checkpoints stay pinned until then"
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT

if ! is_dry_run; then
  mkdir -p "$STATE_DIR"
  exec 9>"${STATE_DIR}/${INSTANCE}.backup.lock"
  flock -n 9 || die "another backup of ${INSTANCE} is running"
fi

BASE="$(storage_base "$INSTANCE")"
BACKUP_ID="$(date -u +%Y%m%dT%H%M%SZ)"
DEST="full/${BACKUP_ID}"
MANIFEST="${WORK_DIR}/manifest.sha256"
: > "$MANIFEST"

if is_dry_run; then
  log "DRY-RUN: box.backup.start() on ${TT_APP}:${INSTANCE}"
  START_OUTPUT=""
else
  START_OUTPUT="$(tt_eval "$INSTANCE" "$START_LUA")"
  BACKUP_OPEN=1
fi

mapfile -t FILES < <(printf '%s\n' "$START_OUTPUT" | markers FILE)
MEMTX_DIR="$(printf '%s\n' "$START_OUTPUT" | markers MEMTX_DIR)"
WAL_DIR="$(printf '%s\n' "$START_OUTPUT" | markers WAL_DIR)"
VINYL_DIR="$(printf '%s\n' "$START_OUTPUT" | markers VINYL_DIR)"
READ_ONLY="$(printf '%s\n' "$START_OUTPUT" | markers RO)"
VERSION="$(printf '%s\n' "$START_OUTPUT" | markers VERSION)"

if [[ "$READ_ONLY" == "false" ]]; then
  log "WARNING: ${INSTANCE} is writable (a leader, e.g. after a failover); the backup goes on but loads the leader"
fi
if ! is_dry_run && [[ ${#FILES[@]} -eq 0 ]]; then
  die "box.backup.start() listed no files on ${INSTANCE}"
fi

upload() {
  local file="$1" rel="$2" sum
  sum="$(sha256sum "$file" | cut -d ' ' -f 1)"
  printf '%s  %s\n' "$sum" "$rel" >> "$MANIFEST"
  storage_put "$file" "$BASE" "${DEST}/${rel}"
}

SIGNATURE=""
for file in "${FILES[@]}"; do
  case "$file" in
    *.snap)
      SIGNATURE="$(basename "$file" .snap)"
      upload "$file" "snap/$(basename "$file")" ;;
    "${VINYL_DIR}"/*) upload "$file" "vinyl/${file#"${VINYL_DIR}"/}" ;;
    *) upload "$file" "other/$(basename "$file")" ;;
  esac
done

# Closed xlogs written since the checkpoint (a checkpoint starts a new xlog named after its signature, so the
# names sort against the snapshot's). The newest xlog is still being written: archive-wal.sh ships it.
if ! is_dry_run; then
  mapfile -t XLOGS < <(find "$WAL_DIR" -maxdepth 1 -name '*.xlog' -printf '%f\n' | sort)
  for ((i = 0; i + 1 < ${#XLOGS[@]}; i++)); do
    name="${XLOGS[$i]}"
    if [[ ! "${name%.xlog}" < "$SIGNATURE" ]]; then
      upload "${WAL_DIR}/${name}" "wal/${name}"
    fi
  done
fi

{
  printf 'cluster=%s\n' "$TT_APP"
  printf 'instance=%s\n' "$INSTANCE"
  printf 'backup_id=%s\n' "$BACKUP_ID"
  printf 'checkpoint_signature=%s\n' "$SIGNATURE"
  printf 'tarantool_version=%s\n' "$VERSION"
  printf 'memtx_dir=%s\n' "$MEMTX_DIR"
  printf 'wal_dir=%s\n' "$WAL_DIR"
  printf 'vinyl_dir=%s\n' "$VINYL_DIR"
  printf 'source_read_only=%s\n' "$READ_ONLY"
} > "${WORK_DIR}/backup.info"
storage_put "${WORK_DIR}/backup.info" "$BASE" "${DEST}/backup.info"
# The manifest goes last: its presence marks the backup as complete for restore.sh and verify-backup.sh.
storage_put "$MANIFEST" "$BASE" "${DEST}/manifest.sha256"

if [[ "$BACKUP_OPEN" == "1" ]]; then
  tt_eval "$INSTANCE" "box.backup.stop() return '@@STOPPED=1@@'" >/dev/null
  BACKUP_OPEN=0
fi
log "backup ${BACKUP_ID} of ${INSTANCE} uploaded to ${BASE}/${DEST} ($(wc -l < "$MANIFEST") files)"
write_metric tarantool_backup_last_success_timestamp_seconds "$INSTANCE" "$(date -u +%s)"

# Retention: drop backups older than RETENTION_DAYS, but keep the newest of those as an anchor so that a
# point-in-time restore to any moment inside the window still has a snapshot taken before it.
prune() {
  local cutoff anchor="" oldest_kept="" id signature
  cutoff="$(date -u -d "-${RETENTION_DAYS} days" +%Y%m%dT%H%M%SZ)"
  mapfile -t ids < <(storage_list "$BASE" full | sort)
  for id in "${ids[@]}"; do
    if [[ "$id" < "$cutoff" ]]; then
      if [[ -n "$anchor" ]]; then storage_delete "$BASE" "full/${anchor}"; fi
      anchor="$id"
    fi
  done
  oldest_kept="${anchor}"
  if [[ -z "$oldest_kept" && ${#ids[@]} -gt 0 ]]; then oldest_kept="${ids[0]}"; fi
  [[ -n "$oldest_kept" ]] || return 0
  storage_get "$BASE" "full/${oldest_kept}/backup.info" "${WORK_DIR}/oldest.info"
  signature="$(sed -n 's/^checkpoint_signature=//p' "${WORK_DIR}/oldest.info")"
  [[ -n "$signature" ]] || return 0
  # Archived xlogs older than the oldest kept checkpoint can no longer be replayed onto any snapshot.
  while IFS= read -r name; do
    if [[ "$name" == *.xlog && "${name%.xlog}" < "$signature" ]]; then
      storage_delete "$BASE" "wal/${name}"
      storage_delete "$BASE" "wal/${name}.sha256" || true
    fi
  done < <(storage_list "$BASE" wal)
}
prune
""";
}
