namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill killing one instance and measuring its return. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrInstanceFailureScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
TARGET="${1:-{{TARGET}}}"

# Kill one instance with SIGKILL, keep writing markers to the leader, restart it and measure how long until it
# runs and follows again (redundancy restored) and whether any acknowledged marker is missing on it.
leader="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$leader"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
kill_instance "$TARGET"
run sleep 10
start_instance "$TARGET"
recovery_ms="$(wait_until "$RTO_THRESHOLD" is_running "$TARGET")" || recovery_ms=$((RTO_THRESHOLD * 1000 + 1))
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
rto_ms=$((recovery_ms > gap_ms ? recovery_ms : gap_ms))
rpo_ms="$(lost_ms "$TARGET" "$fault")"
log "instance ${TARGET}: back in ${recovery_ms} ms; longest write gap on the leader ${gap_ms} ms"
verdict {{SCENARIO_ID}} "$rto_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD"
""";
}
