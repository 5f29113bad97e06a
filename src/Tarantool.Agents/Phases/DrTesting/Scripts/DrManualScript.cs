namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>The template of a scenario without automation: prints the steps. Placeholders in double braces are filled by
/// <see cref="DrScriptsRenderer"/>; the rest is bash kept shellcheck-clean.</summary>
internal static class DrManualScript
{
    public const string Template = """
#!/usr/bin/env bash
# {{TITLE}}
# Scenario {{SCENARIO_ID}} of cluster {{CLUSTER}}; thresholds come from the backup plan: RTO <= {{RTO_THRESHOLD}} s,
# RPO <= {{RPO_THRESHOLD}} s. Prints "RESULT {{SCENARIO_ID}} PASS|FAIL ..." and exits non-zero on FAIL.
# DRY_RUN=1 walks through the steps without touching the cluster.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=SCRIPTDIR/lib.sh
source "${SCRIPT_DIR}/lib.sh"
trap cleanup_drill EXIT

RTO_THRESHOLD="${RTO_THRESHOLD:-{{RTO_THRESHOLD}}}"
RPO_THRESHOLD="${RPO_THRESHOLD:-{{RPO_THRESHOLD}}}"
# No automated drill exists for this scenario: the steps below are printed for the operator, who records the
# measured times.
cat <<'STEPS'
{{STEPS}}
STEPS
printf 'RESULT {{SCENARIO_ID}} MANUAL (measure RTO<=%ss RPO<=%ss by hand)\n' "$RTO_THRESHOLD" "$RPO_THRESHOLD"
""";
}
