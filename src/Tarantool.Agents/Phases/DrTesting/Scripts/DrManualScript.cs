namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a scenario without automation: prints the steps. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrManualScript
{
    public const string Template = DrScriptPrologue.Text + "\n" + """
# No automated drill exists for this scenario: the steps below are printed for the operator, who records the
# measured times.
cat <<'STEPS'
{{STEPS}}
STEPS
printf 'RESULT {{SCENARIO_ID}} MANUAL (measure RTO<=%ss RPO<=%ss by hand)\n' "$RTO_THRESHOLD" "$RPO_THRESHOLD"
""";
}
