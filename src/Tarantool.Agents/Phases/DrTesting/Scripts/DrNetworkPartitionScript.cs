namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill isolating the leader and checking the minority side is fenced. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrNetworkPartitionScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
FAILOVER_MODE="{{FAILOVER_MODE}}"
FENCING_WAIT="${FENCING_WAIT:-{{FENCING_WAIT}}}"

# Partition the leader away from its peers and clients. The majority side must end up with exactly one
# writable member; the minority (the old leader) must stop accepting writes ({{FENCING}}); after healing it
# must rejoin as a follower and no acknowledged marker may be missing.
old="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$old"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
isolate_instance "$old"
problem=""
if [[ "$FAILOVER_MODE" == "election" || "$FAILOVER_MODE" == "supervised" || "$FAILOVER_MODE" == "stateful" ]]; then
  wait_until "$RTO_THRESHOLD" new_leader_elected "$REPLICASET" "$old" >/dev/null || problem="no-leader-on-majority"
  run sleep "$FENCING_WAIT"
  minority_ro="$(tnt_local "$old" "return '@@RO=' .. tostring(box.info.ro) .. '@@'" | markers RO)"
  if ! is_dry_run && [[ "$minority_ro" != "true" ]]; then problem="${problem:+${problem},}minority-still-writable"; fi
else
  # Manual failover: nobody may promote a replica on their own; the isolated leader stays the only writer.
  run sleep "$FENCING_WAIT"
  if ! is_dry_run && (($(count_writable "$REPLICASET") > 0)); then problem="replica-promoted-without-operator"; fi
fi
heal_instance "$old"
if ! is_dry_run; then
  wait_until 120 is_running "$old" >/dev/null || problem="${problem:+${problem},}old-leader-not-back"
  if (($(count_writable "$REPLICASET") > 1)); then problem="${problem:+${problem},}split-brain"; fi
fi
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
current="$(find_leader "$REPLICASET" || true)"
rpo_ms="$(lost_ms "${current:-$old}" "$fault")"
verdict {{SCENARIO_ID}} "$gap_ms" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
