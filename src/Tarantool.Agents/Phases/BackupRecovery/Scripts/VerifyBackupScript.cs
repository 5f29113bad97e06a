namespace Tarantool.Agents.Phases.BackupRecovery.Scripts;

/// <summary>The template of backup/verify-backup.sh: restore rehearsal of the latest backup into a scratch instance. Placeholders in double braces are filled by
/// <see cref="BackupScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class VerifyBackupScript
{
    public const string Template = """
#!/usr/bin/env bash
# Rehearses a restore of the latest backup of one instance of cluster {{CLUSTER}} ({{VERIFY_NOTE}}):
# downloads it, checks every file against the sha256 manifest, checks that the xlogs are readable with tt cat,
# then (VERIFY_MODE=full, the default when the tarantool binary is present) starts a throwaway read-only instance
# on the copy and checks that it reaches status "running", that its vclock is not behind the checkpoint and that
# user spaces hold rows. Prints VERIFY PASS or VERIFY FAIL and exits non-zero on failure.
#   backup/verify-backup.sh INSTANCE [BACKUP_ID]     e.g. backup/verify-backup.sh {{EXAMPLE_INSTANCE}}
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "${SCRIPT_DIR}/lib.sh"

INSTANCE="${1:-${BACKUP_INSTANCE:-}}"
BACKUP_ID="${2:-}"
if [[ -z "$INSTANCE" || "$INSTANCE" == "-h" || "$INSTANCE" == "--help" ]]; then
  printf 'usage: %s INSTANCE [BACKUP_ID]\nDesignated backup sources (replicaset instance host):\n' "$0" >&2
  print_sources
  exit 2
fi
# A backup older than this means the schedule is broken (matches the TarantoolBackupTooOld alert's intent).
MAX_AGE_HOURS="${MAX_AGE_HOURS:-{{MAX_AGE_HOURS}}}"
VERIFY_MEMTX_MEMORY="${VERIFY_MEMTX_MEMORY:-{{VERIFY_MEMTX_MEMORY}}}"
ALLOW_EMPTY="${ALLOW_EMPTY:-0}"
if command -v "$TARANTOOL_BIN" >/dev/null 2>&1; then VERIFY_MODE="${VERIFY_MODE:-full}"; else VERIFY_MODE="${VERIFY_MODE:-checksums}"; fi

BASE="$(storage_base "$INSTANCE")"
SCRATCH="$(mktemp -d "${VERIFY_DIR:-/var/tmp}/verify-${INSTANCE}.XXXXXX")"
trap 'rm -rf "$SCRATCH"' EXIT

fail() {
  log "VERIFY FAIL: $*"
  printf 'VERIFY FAIL %s %s\n' "$INSTANCE" "$*"
  exit 1
}

if is_dry_run; then
  log "DRY-RUN: download the latest backup of ${INSTANCE} from ${BASE}/full, sha256sum -c, tt cat, scratch start"
  printf 'VERIFY DRY-RUN %s\n' "$INSTANCE"
  exit 0
fi

if [[ -z "$BACKUP_ID" ]]; then
  BACKUP_ID="$(latest_backup_id "$BASE")" || fail "no complete backup under ${BASE}/full"
fi
log "verifying backup ${BACKUP_ID} of ${INSTANCE}"

backup_epoch="$(date -u -d "$(printf '%s' "$BACKUP_ID" | sed -E 's/^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$/\1-\2-\3 \4:\5:\6/')" +%s)" \
  || fail "backup id ${BACKUP_ID} is not a UTC timestamp"
age_hours=$((($(date -u +%s) - backup_epoch) / 3600))
if ((age_hours > MAX_AGE_HOURS)); then fail "latest backup is ${age_hours} h old (limit ${MAX_AGE_HOURS} h)"; fi

storage_get_dir "$BASE" "full/${BACKUP_ID}" "${SCRATCH}/backup"
(cd "${SCRATCH}/backup" && sha256sum --quiet -c manifest.sha256) || fail "checksum mismatch in ${BACKUP_ID}"
signature="$(sed -n 's/^checkpoint_signature=//p' "${SCRATCH}/backup/backup.info")"
[[ -n "$signature" ]] || fail "backup.info has no checkpoint_signature"

shopt -s nullglob
xlogs=("${SCRATCH}/backup/wal/"*.xlog)
if ((${#xlogs[@]} > 0)) && command -v "$TT_BIN" >/dev/null 2>&1; then
  tt_cmd cat "${xlogs[@]}" --format json >/dev/null || fail "tt cat cannot read the xlogs of ${BACKUP_ID}"
fi

if [[ "$VERIFY_MODE" == "full" ]]; then
  # The scratch instance holds the whole data set in memory. Starting it next to a production instance that lacks
  # the headroom would push that instance into swap or the OOM killer: refuse, and rehearse elsewhere.
  snap_kb="$(du -sk "${SCRATCH}/backup/snap" | cut -f1)"
  available_kb="$(awk '/^MemAvailable:/ {print $2}' "${MEMINFO:-/proc/meminfo}" 2>/dev/null || true)"
  available_kb="${available_kb:-0}"
  if ((available_kb < 2 * snap_kb)); then
    fail "a full rehearsal needs about $((2 * snap_kb / 1024)) MiB free and this machine has $((available_kb / 1024)) MiB: run it on a restore-test machine (VERIFY_MODE=full), or here with VERIFY_MODE=checksums"
  fi
  mkdir -p "${SCRATCH}/memtx" "${SCRATCH}/wal" "${SCRATCH}/vinyl"
  cp "${SCRATCH}/backup/snap/"*.snap "${SCRATCH}/memtx/"
  if ((${#xlogs[@]} > 0)); then cp "${xlogs[@]}" "${SCRATCH}/wal/"; fi
  if [[ -d "${SCRATCH}/backup/vinyl" ]]; then cp -a "${SCRATCH}/backup/vinyl/." "${SCRATCH}/vinyl/"; fi
  cat > "${SCRATCH}/verify.lua" <<'LUA'
local dir = os.getenv('VERIFY_SCRATCH')
box.cfg{
    memtx_dir = dir .. '/memtx', wal_dir = dir .. '/wal', vinyl_dir = dir .. '/vinyl',
    memtx_memory = tonumber(os.getenv('VERIFY_MEMTX_MEMORY')),
    read_only = true, replication = {}, log = dir .. '/verify.log',
}
local rows, spaces = 0, 0
for _, space in box.space._space:pairs() do
    local s = box.space[space[1]]
    if space[1] >= 512 and s ~= nil and s.index[0] ~= nil then
        spaces = spaces + 1
        rows = rows + s.index[0]:len()
    end
end
print(string.format('@@STATUS=%s@@ @@SIGNATURE=%d@@ @@SPACES=%d@@ @@ROWS=%d@@',
    box.info.status, box.info.signature, spaces, rows))
os.exit(0)
LUA
  result="$(VERIFY_SCRATCH="$SCRATCH" VERIFY_MEMTX_MEMORY="$VERIFY_MEMTX_MEMORY" "$TARANTOOL_BIN" "${SCRATCH}/verify.lua")" \
    || fail "the scratch instance did not start on backup ${BACKUP_ID}: $(tail -n 5 "${SCRATCH}/verify.log" 2>/dev/null)"
  status="$(printf '%s\n' "$result" | markers STATUS)"
  restored="$(printf '%s\n' "$result" | markers SIGNATURE)"
  spaces="$(printf '%s\n' "$result" | markers SPACES)"
  rows="$(printf '%s\n' "$result" | markers ROWS)"
  [[ "$status" == "running" ]] || fail "scratch instance status is '${status}'"
  ((10#${restored:-0} >= 10#${signature})) || fail "restored vclock signature ${restored} is behind checkpoint ${signature}"
  if [[ "$ALLOW_EMPTY" != "1" ]] && ((${rows:-0} == 0)); then fail "user spaces are empty (${spaces} spaces); set ALLOW_EMPTY=1 for a new cluster"; fi
  log "scratch instance running: ${spaces} user spaces, ${rows} rows, signature ${restored}"
fi

write_metric tarantool_backup_last_verified_timestamp_seconds "$INSTANCE" "$(date -u +%s)"
printf 'VERIFY PASS %s %s mode=%s\n' "$INSTANCE" "$BACKUP_ID" "$VERIFY_MODE"
""";
}
