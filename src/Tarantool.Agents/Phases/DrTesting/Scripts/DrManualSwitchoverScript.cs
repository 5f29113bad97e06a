namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill killing the leader under passive failover and promoting a replica by the runbook. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrManualSwitchoverScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
PROMOTE_TIMEOUT="${PROMOTE_TIMEOUT:-60}"

# Passive failover: kill the leader, then do what the runbook says (pick the most up-to-date replica, promote
# it with tt replicaset promote from the operator host's tt environment) and measure until writes succeed.
old="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$old"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
kill_instance "$old"
best=""
best_signature=-1
while IFS= read -r name; do
  [[ "$name" == "$old" ]] && continue
  if is_dry_run; then best="${best:-$name}"; continue; fi
  signature="$(tnt "$name" "return '@@SIG=' .. box.info.signature .. '@@'" | markers SIG)"
  if [[ -n "$signature" ]] && ((signature > best_signature)); then best="$name"; best_signature="$signature"; fi
done < <(members "$REPLICASET")
[[ -n "$best" ]] || die "no replica of ${REPLICASET} is reachable"
log "promoting ${best}"
run "$TT_BIN" replicaset promote "${TT_APP}:${best}" --force
promoted_ms="$(wait_until "$PROMOTE_TIMEOUT" is_writable "$best")" || promoted_ms=$((RTO_THRESHOLD * 1000 + 1))
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
rpo_ms="$(lost_ms "$best" "$fault")"
log "${best} writable ${promoted_ms} ms after the promote; longest write gap ${gap_ms} ms"
start_instance "$old"
verdict {{SCENARIO_ID}} "$gap_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD"
""";
}
