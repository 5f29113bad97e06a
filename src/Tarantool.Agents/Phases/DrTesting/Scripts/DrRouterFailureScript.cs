namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a drill killing one vshard router. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrRouterFailureScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
TARGET="${1:-{{TARGET}}}"
OTHER_ROUTER="${OTHER_ROUTER:-{{OTHER_ROUTER}}}"

# Kill one router: the other routers must keep serving (vshard.router.info().status 0) and the killed one must
# come back on its own (it holds no data, so there is nothing to lose).
fault="$(now_ms)"
kill_instance "$TARGET"
problem=""
status="$(tnt "$OTHER_ROUTER" "return '@@STATUS=' .. vshard.router.info().status .. '@@'" | markers STATUS)"
if ! is_dry_run && [[ "$status" != "0" ]]; then problem="other-router-status-${status:-unreachable}"; fi
start_instance "$TARGET"
back_ms="$(wait_until "$RTO_THRESHOLD" is_running "$TARGET")" || back_ms=$((RTO_THRESHOLD * 1000 + 1))
log "router ${TARGET} back after ${back_ms} ms (fault at ${fault})"
verdict {{SCENARIO_ID}} "$back_ms" "$RTO_THRESHOLD" 0 "$RPO_THRESHOLD" "$problem"
""";
}
