namespace Tarantool.Agents.Phases.BackupRecovery.Scripts;

/// <summary>The template of backup/restore.sh: full restore and point-in-time restore with tt play. Placeholders in double braces are filled by
/// <see cref="BackupScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class RestoreScript
{
    public const string Template = """
#!/usr/bin/env bash
# Restores one instance of cluster {{CLUSTER}} from {{KIND}}.
#   Full restore (lost replicaset): the chosen backup (default: the latest complete one) plus every archived
#   xlog after its checkpoint are laid out in DATA_DIR, normally the instance's own data directory
#   {{DATA_ROOT}}/INSTANCE; then {{START_EXAMPLE}}: native recovery replays the xlogs.
#   Point-in-time restore (logical corruption): the snapshot is loaded into a throwaway instance in DATA_DIR and
#   the archived xlogs are replayed with `tt play` up to --to-timestamp (or --to-lsn with --replica-id), then a
#   new snapshot is written. It carries INSTANCE's UUID and name (Tarantool 3.x refuses to start a snapshot under
#   another instance name): seed INSTANCE's own data directory with it, make INSTANCE the leader, start it and
#   rebuild the other members empty from it.
# usage:
#   backup/restore.sh INSTANCE --data-dir DIR [--backup-id ID] [--include-partial] [--force]
#   backup/restore.sh INSTANCE --data-dir DIR --to-timestamp 2024-11-13T14:02:36+00:00 [--backup-id ID]
#   backup/restore.sh INSTANCE --data-dir DIR --to-lsn 120394 --replica-id 1
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "${SCRIPT_DIR}/lib.sh"

usage() {
  sed -n '2,17p' "$0" >&2
  exit 2
}

INSTANCE="${1:-}"
[[ -n "$INSTANCE" && "$INSTANCE" != -* ]] || usage
shift
DATA_DIR=""
BACKUP_ID=""
TO_TIMESTAMP=""
TO_LSN=""
REPLICA_ID=""
INCLUDE_PARTIAL="0"
FORCE="0"
while (($# > 0)); do
  case "$1" in
    --data-dir) DATA_DIR="${2:?}"; shift 2 ;;
    --backup-id) BACKUP_ID="${2:?}"; shift 2 ;;
    --to-timestamp) TO_TIMESTAMP="${2:?}"; shift 2 ;;
    --to-lsn) TO_LSN="${2:?}"; shift 2 ;;
    --replica-id) REPLICA_ID="${2:?}"; shift 2 ;;
    --include-partial) INCLUDE_PARTIAL="1"; shift ;;
    --force) FORCE="1"; shift ;;
    *) usage ;;
  esac
done
[[ -n "$DATA_DIR" ]] || usage
if [[ -n "$TO_LSN" && -z "$REPLICA_ID" ]]; then
  die "--to-lsn needs --replica-id: LSNs count per replica id, and a failover changes the writing replica id"
fi
PITR="0"
if [[ -n "$TO_TIMESTAMP" || -n "$TO_LSN" ]]; then PITR="1"; fi
PITR_MEMTX_MEMORY="${PITR_MEMTX_MEMORY:-{{VERIFY_MEMTX_MEMORY}}}"
BASE="$(storage_base "$INSTANCE")"

if is_dry_run; then
  log "DRY-RUN: restore ${INSTANCE} from ${BASE} into ${DATA_DIR} (pitr=${PITR}, timestamp=${TO_TIMESTAMP:-none}, lsn=${TO_LSN:-none})"
  exit 0
fi

if [[ -d "$DATA_DIR" && "$FORCE" != "1" && -n "$(find "$DATA_DIR" -maxdepth 1 \( -name '*.snap' -o -name '*.xlog' \) -print -quit)" ]]; then
  die "${DATA_DIR} already holds .snap/.xlog files; move them away or pass --force"
fi
mkdir -p "$DATA_DIR"
DOWNLOAD="${DATA_DIR}/.restore-download"
rm -rf "$DOWNLOAD"
mkdir -p "$DOWNLOAD/wal"

if [[ -z "$BACKUP_ID" ]]; then
  BACKUP_ID="$(latest_backup_id "$BASE")" || die "no complete backup under ${BASE}/full"
fi
log "restoring ${INSTANCE} from backup ${BACKUP_ID}"
storage_get_dir "$BASE" "full/${BACKUP_ID}" "${DOWNLOAD}/backup"
(cd "${DOWNLOAD}/backup" && sha256sum --quiet -c manifest.sha256) || die "checksum mismatch in backup ${BACKUP_ID}"
SIGNATURE="$(sed -n 's/^checkpoint_signature=//p' "${DOWNLOAD}/backup/backup.info")"
[[ -n "$SIGNATURE" ]] || die "backup.info has no checkpoint_signature"

# xlogs after the checkpoint: those taken with the backup plus everything archived since.
shopt -s nullglob
for file in "${DOWNLOAD}/backup/wal/"*.xlog; do cp "$file" "${DOWNLOAD}/wal/"; done
while IFS= read -r name; do
  if [[ "$name" == *.xlog && ! "${name%.xlog}" < "$SIGNATURE" && ! -f "${DOWNLOAD}/wal/${name}" ]]; then
    storage_get "$BASE" "wal/${name}" "${DOWNLOAD}/wal/${name}"
    storage_get "$BASE" "wal/${name}.sha256" "${DOWNLOAD}/wal/${name}.sha256"
    (cd "${DOWNLOAD}/wal" && sha256sum --quiet -c "${name}.sha256") || die "checksum mismatch in archived ${name}"
  fi
done < <(storage_list "$BASE" wal | sort)
if [[ "$INCLUDE_PARTIAL" == "1" ]]; then
  storage_get "$BASE" "wal/partial/current.name" "${DOWNLOAD}/current.name"
  partial_name="$(cat "${DOWNLOAD}/current.name")"
  if [[ ! -f "${DOWNLOAD}/wal/${partial_name}" ]]; then
    storage_get "$BASE" "wal/partial/current.xlog.partial" "${DOWNLOAD}/wal/${partial_name}"
    log "including the partial copy of the open xlog ${partial_name} (its last row may be torn)"
  fi
fi
XLOGS=("${DOWNLOAD}/wal/"*.xlog)
log "backup ${BACKUP_ID}: checkpoint ${SIGNATURE}, ${#XLOGS[@]} xlogs after it"

if [[ "$PITR" == "0" ]]; then
  cp "${DOWNLOAD}/backup/snap/"*.snap "$DATA_DIR/"
  if ((${#XLOGS[@]} > 0)); then cp "${XLOGS[@]}" "$DATA_DIR/"; fi
  if [[ -d "${DOWNLOAD}/backup/vinyl" ]]; then cp -a "${DOWNLOAD}/backup/vinyl/." "$DATA_DIR/"; fi
  rm -rf "$DOWNLOAD"
  if [[ "$DATA_DIR" != "${DATA_ROOT}/${INSTANCE}" ]]; then
    log "restored into ${DATA_DIR}; the instance reads ${DATA_ROOT}/${INSTANCE}: move the files there"
  fi
  log "restored ${INSTANCE}; {{START_HINT}}"
  exit 0
fi

# Point-in-time: a throwaway instance listening on a unix socket in a private directory. guest gets 'super'
# only while tt play runs and loses it before the final snapshot, which is what seeds the new leader.
SCRATCH="${DATA_DIR}/pitr"
mkdir -p "${SCRATCH}/memtx" "${SCRATCH}/wal" "${SCRATCH}/vinyl"
chmod 700 "$SCRATCH"
cp "${DOWNLOAD}/backup/snap/"*.snap "${SCRATCH}/memtx/"
if [[ -d "${DOWNLOAD}/backup/vinyl" ]]; then cp -a "${DOWNLOAD}/backup/vinyl/." "${SCRATCH}/vinyl/"; fi
cat > "${SCRATCH}/pitr.lua" <<'LUA'
local dir = os.getenv('PITR_SCRATCH')
box.cfg{
    memtx_dir = dir .. '/memtx', wal_dir = dir .. '/wal', vinyl_dir = dir .. '/vinyl',
    memtx_memory = tonumber(os.getenv('PITR_MEMTX_MEMORY')),
    replication = {}, read_only = false, listen = dir .. '/pitr.sock', log = dir .. '/pitr.log',
}
box.schema.user.grant('guest', 'super', nil, nil, {if_not_exists = true})
LUA
PITR_SCRATCH="$SCRATCH" PITR_MEMTX_MEMORY="$PITR_MEMTX_MEMORY" "$TARANTOOL_BIN" "${SCRATCH}/pitr.lua" &
SCRATCH_PID=$!
trap 'kill "$SCRATCH_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  [[ -S "${SCRATCH}/pitr.sock" ]] && break
  kill -0 "$SCRATCH_PID" 2>/dev/null || die "the scratch instance exited; see ${SCRATCH}/pitr.log"
  sleep 1
done
[[ -S "${SCRATCH}/pitr.sock" ]] || die "the scratch instance did not open ${SCRATCH}/pitr.sock"

PLAY_ARGS=()
if [[ -n "$TO_TIMESTAMP" ]]; then PLAY_ARGS+=(--timestamp "$TO_TIMESTAMP"); fi
if [[ -n "$TO_LSN" ]]; then PLAY_ARGS+=(--to "$TO_LSN" --replica "$REPLICA_ID"); fi
if ((${#XLOGS[@]} > 0)); then
  env -u TT_CLI_USERNAME -u TT_CLI_PASSWORD "$TT_BIN" play "${SCRATCH}/pitr.sock" "${XLOGS[@]}" "${PLAY_ARGS[@]}"
fi
printf '%s\n' "box.schema.user.revoke('guest', 'super') box.snapshot() return '@@SIGNATURE=' .. box.info.signature .. '@@'" \
  | env -u TT_CLI_USERNAME -u TT_CLI_PASSWORD "$TT_BIN" connect "${SCRATCH}/pitr.sock" -f - -x lua | markers SIGNATURE \
  | { read -r restored; log "point-in-time state written as a snapshot at signature ${restored}"; }
kill "$SCRATCH_PID"
wait "$SCRATCH_PID" || true
rm -rf "$DOWNLOAD"
log "the recovered snapshot is in ${SCRATCH}/memtx (vinyl files in ${SCRATCH}/vinyl). It belongs to ${INSTANCE} (its UUID and instance name are inside): to replace the replicaset's data, copy it into ${DATA_ROOT}/${INSTANCE} only, make ${INSTANCE} the leader (docs/backup-recovery.md), start ${INSTANCE}, then start the other members with empty data directories so they rebuild from it"
""";
}
