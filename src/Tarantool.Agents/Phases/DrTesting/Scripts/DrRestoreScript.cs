namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill restoring from backups (point in time or latest) and checking markers. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrRestoreScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
SOURCE="${SOURCE:-{{SOURCE}}}"
MODE="{{RESTORE_MODE}}"
BACKUP_DIR="${BACKUP_DIR:-{{BACKUP_DIR}}}"
ARCHIVE_WAIT="${ARCHIVE_WAIT:-{{ARCHIVE_WAIT}}}"
RESTORE_DIR="${RESTORE_DIR:-${DR_WORK}/restore}"
SCRATCH_MEMTX_MEMORY="${SCRATCH_MEMTX_MEMORY:-{{MEMTX_MEMORY}}}"

# Run on the host of the backup source (it needs ${BACKUP_DIR}/restore.sh, tarantool and access to the backup
# storage). MODE=pitr: markers "before" a point T, an accidental DELETE after T, restore to T, check the
# deleted markers are back and nothing after T is. MODE=latest: restore the newest backup plus archived WAL
# (a lost replicaset) and measure how much of the marker stream made it off-host.
leader="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$leader"
base="$(now_ms)"
for i in $(seq 1 20); do
  write_marker "$leader" "$((base + i))" before || die "marker write failed on ${leader}"
  run sleep 0.1
done
point_ms="$(now_ms)"
point="$(date -u -d "@$((point_ms / 1000)).$(printf '%03d' $((point_ms % 1000)))" +%Y-%m-%dT%H:%M:%S.%3N+00:00)"
run sleep 1
for i in $(seq 21 30); do write_marker "$leader" "$((base + i))" after || true; done
if [[ "$MODE" == "pitr" ]]; then
  tnt "$leader" "for i = 1, 5 do box.space.${MARKER_SPACE}:delete(${base} + i) end return '@@OK=1@@'" >/dev/null
  log "deleted markers ${base}+1..5 after ${point} (the accident)"
fi
if [[ "$ARCHIVE_WAIT" == "0" && "$PLATFORM" == "kubernetes" ]]; then
  # backup.sh talks to the instance's console, so it runs in the pod, where the image installed it.
  run kubectl exec -n "$K8S_NAMESPACE" "$SOURCE" -- "{{BACKUP_TOOLS}}/backup.sh" "$SOURCE"
elif [[ "$ARCHIVE_WAIT" == "0" ]]; then
  run "${BACKUP_DIR}/backup.sh" "$SOURCE"
else
  log "waiting ${ARCHIVE_WAIT} s for WAL archival"
  run sleep "$ARCHIVE_WAIT"
fi
start="$(now_ms)"
if [[ "$MODE" == "pitr" ]]; then
  run "${BACKUP_DIR}/restore.sh" "$SOURCE" --data-dir "$RESTORE_DIR" --to-timestamp "$point"
  snapdir="${RESTORE_DIR}/pitr/memtx"
else
  run "${BACKUP_DIR}/restore.sh" "$SOURCE" --data-dir "$RESTORE_DIR" --include-partial
  snapdir="$RESTORE_DIR"
fi
restore_ms=$(($(now_ms) - start))
if is_dry_run; then
  verdict {{SCENARIO_ID}} 0 "$RTO_THRESHOLD" 0 "$RPO_THRESHOLD"
  exit 0
fi
result="$(DR_SNAPDIR="$snapdir" DR_BASE="$base" DR_SPACE="$MARKER_SPACE" DR_MEMTX="$SCRATCH_MEMTX_MEMORY" "$TARANTOOL_BIN" -e "
  local dir = os.getenv('DR_SNAPDIR')
  box.cfg{memtx_dir = dir, wal_dir = dir, vinyl_dir = dir, read_only = true, replication = {}, force_recovery = true,
    memtx_memory = tonumber(os.getenv('DR_MEMTX')), log = dir .. '/dr-check.log'}
  local base, s = tonumber(os.getenv('DR_BASE')), box.space[os.getenv('DR_SPACE')]
  local before, after = 0, 0
  for i = 1, 30 do if s ~= nil and s:get(base + i) ~= nil then if i <= 20 then before = before + 1 else after = after + 1 end end end
  print('@@BEFORE=' .. before .. '@@ @@AFTER=' .. after .. '@@')
  os.exit(0)")"
before="$(printf '%s\n' "$result" | markers BEFORE)"
after="$(printf '%s\n' "$result" | markers AFTER)"
total_ms=$(($(now_ms) - start))
log "restore took ${restore_ms} ms (${total_ms} ms with the check); markers before the point: ${before}/20, after: ${after}/10"
problem=""
rpo_ms=0
if [[ "$MODE" == "pitr" ]]; then
  if ((before < 20)); then problem="deleted-markers-not-restored"; fi
  if ((after > 0)); then problem="${problem:+${problem},}writes-after-the-point-replayed"; fi
else
  # Every "after" marker missing stands for writes that never left the host.
  if ((before + after < 30)); then rpo_ms=$(($(now_ms) - point_ms)); fi
fi
verdict {{SCENARIO_ID}} "$total_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
