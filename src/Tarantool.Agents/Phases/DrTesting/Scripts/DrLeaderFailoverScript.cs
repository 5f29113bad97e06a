namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill killing the leader under automatic failover. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrLeaderFailoverScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"

# Kill the leader and let the replicaset elect a new one without any command; RTO is the longest gap between
# acknowledged marker writes, RPO what the new leader misses of the markers acknowledged before the kill.
old="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$old"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
kill_instance "$old"
elected_ms="$(wait_until "$RTO_THRESHOLD" new_leader_elected "$REPLICASET" "$old")" || elected_ms=$((RTO_THRESHOLD * 1000 + 1))
new="$(find_leader "$REPLICASET" "$old" || true)"
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
rpo_ms="$(lost_ms "${new:-$old}" "$fault")"
log "new leader ${new:-none} after ${elected_ms} ms; longest write gap ${gap_ms} ms"
start_instance "$old"
problem=""
if ! is_dry_run && [[ -z "$new" ]]; then problem="no-new-leader"; fi
verdict {{SCENARIO_ID}} "$((gap_ms > elected_ms ? gap_ms : elected_ms))" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
