namespace Tarantool.Agents.Phases.DrTesting.Scripts;

/// <summary>
/// The opening every drill script shares: what it checks against which thresholds, strict bash, the shared library,
/// cleanup on exit and the thresholds (overridable from the environment). Placeholders in double braces are filled
/// by <see cref="DrScriptsRenderer"/>.
/// </summary>
internal static class DrScriptPrologue
{
    public const string Text = """
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
""";
}
