namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill losing every instance of one region. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrSiteLossScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
REPLICASET="${REPLICASET:-{{REPLICASET}}}"
REGION="${1:-{{REGION}}}"
# elect: the other sites hold a quorum and elect a leader by themselves; fenced: they do not, and must stay
# read-only until an operator follows the lost-site runbook.
EXPECT="${EXPECT:-{{SITE_EXPECT}}}"

# Lose a whole site at once (every instance of the region killed), then measure until the surviving sites
# accept writes again and whether any acknowledged marker was lost; finally bring the site back.
mapfile -t victims < <(members --region "$REGION")
((${#victims[@]} > 0)) || die "no instance in region ${REGION}"
leader="$(find_leader "$REPLICASET")" || die "no writable instance in ${REPLICASET}"
ensure_marker_space "$leader"
marker_writer_start "$REPLICASET"
run sleep 5
fault="$(now_ms)"
for victim in "${victims[@]}"; do kill_instance "$victim"; done
if [[ "$EXPECT" == "elect" ]]; then
  recovered_ms="$(wait_until "$RTO_THRESHOLD" new_leader_elected "$REPLICASET" "${victims[@]}")" || recovered_ms=$((RTO_THRESHOLD * 1000 + 1))
else
  # The survivors hold no quorum: wait one RTO and check that none of them took writes by itself.
  run sleep "$RTO_THRESHOLD"
  recovered_ms=0
fi
survivor="$(find_leader "$REPLICASET" "${victims[@]}" || true)"
run sleep 5
marker_writer_stop
gap_ms="$(write_gap_ms "$fault")"
rpo_ms="$(lost_ms "${survivor:-$leader}" "$fault")"
log "site ${REGION} down: leader ${survivor:-none} after ${recovered_ms} ms"
for victim in "${victims[@]}"; do start_instance "$victim"; done
problem=""
if ! is_dry_run && [[ "$EXPECT" == "elect" && -z "$survivor" ]]; then problem="no-leader-in-surviving-sites"; fi
if ! is_dry_run && [[ "$EXPECT" == "fenced" && -n "$survivor" ]]; then problem="writable-without-quorum-${survivor}"; fi
if [[ "$EXPECT" == "fenced" ]]; then gap_ms=0; rpo_ms=0; fi
verdict {{SCENARIO_ID}} "$((gap_ms > recovered_ms ? gap_ms : recovered_ms))" "$RTO_THRESHOLD" "$rpo_ms" "$RPO_THRESHOLD" "$problem"
""";
}
