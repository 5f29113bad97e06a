using Tarantool.Agents.Narratives;

namespace Tarantool.Agents.Phases.Replication;

/// <summary><c>verify-replication.sh</c>: checks its prerequisites and runs the Lua check under a deadline.</summary>
public static class VerifyReplicationSh
{
    public static string Render(ReplicationPlan plan, string appName) => $$"""
        #!/usr/bin/env bash
        # Checks replication of the '{{appName}}' cluster: every upstream and downstream follows, lag stays under
        # {{Figures.Number(plan.LagWarningSeconds)}} s (warning) / {{Figures.Number(plan.LagCriticalSeconds)}} s (critical), and a marker written on each writable instance
        # reaches every other member within {{Figures.Number(plan.MarkerTimeoutSeconds)}} s.
        # Usage: TT_VERIFY_USER=<operator> TT_VERIFY_PASSWORD=<secret> ./verify-replication.sh [replicaset ...]
        # Set TT_VERIFY_TRANSPORT=ssl when iproto uses TLS. Exit status: 0 healthy, 1 problem, 2 usage error.
        set -euo pipefail

        script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        deadline_seconds="${VERIFY_DEADLINE_SECONDS:-300}"

        if [[ -z "${TT_VERIFY_USER:-}" || -z "${TT_VERIFY_PASSWORD:-}" ]]; then
          echo "set TT_VERIFY_USER and TT_VERIFY_PASSWORD (an operator account with the super role)" >&2
          exit 2
        fi
        if ! command -v tarantool >/dev/null 2>&1; then
          echo "tarantool is required: it runs the check as a net.box client" >&2
          exit 2
        fi

        export TT_VERIFY_USER TT_VERIFY_PASSWORD
        exec timeout "${deadline_seconds}" tarantool "${script_dir}/verify-replication.lua" "$@"

        """;
}
