using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// The seed's success criteria and what a bundle does for each. Writing files proves only that the files exist and
/// passed the product's checks: that is <c>provided</c>. A deployment, a failover, a restore or a trained team is
/// <c>verified</c> only by something that ran against a real cluster, which a planning run never does; so every
/// criterion names the command that would verify it and stays unverified until someone runs it.
/// </summary>
public static class SuccessCriteria
{
    /// <summary>Every phase behind the criterion succeeded and every file it names is in the bundle.</summary>
    public const string Provided = "provided";

    /// <summary>A phase behind the criterion failed or a file it names is missing.</summary>
    public const string Incomplete = "incomplete";

    /// <summary>A check actually ran against the cluster and passed (never set by a planning run).</summary>
    public const string Verified = "verified";

    /// <param name="Verify">Commands that would verify the criterion; a command is offered only when the bundle file it runs exists.</param>
    private sealed record Definition(string Id, string Criterion, string[] Phases, string[] Provides, (string? File, string Command)[] Verify);

    private static readonly Definition[] Definitions =
    [
        new("cluster-deployed", "Tarantool cluster deployed and operational",
            ["topology", "configuration", "deployment-automation"], ["tarantool/", "deploy/"],
            [
                ("deploy/ansible/deploy.yml", "cd deploy/ansible && ansible-playbook deploy.yml"),
                ("deploy/scripts/deploy.sh", "deploy/scripts/deploy.sh"),
                ("deploy/scripts/health-check.sh", "deploy/scripts/health-check.sh"),
            ]),
        new("high-availability", "High availability configured and failover tested",
            ["topology", "replication", "dr-testing"], ["tarantool/", "dr/"],
            [
                ("dr/drill-leader-failover.sh", "dr/drill-leader-failover.sh"),
                ("dr/drill-instance-failure.sh", "dr/drill-instance-failure.sh"),
                ("tarantool/replication/verify-replication.sh", "tarantool/replication/verify-replication.sh"),
            ]),
        new("backup-recovery", "Backup and recovery procedures in place and validated",
            ["backup-recovery", "dr-testing"], ["backup/", "dr/"],
            [
                ("backup/verify-backup.sh", "backup/verify-backup.sh"),
                ("dr/drill-pitr.sh", "dr/drill-pitr.sh"),
                ("dr/drill-replicaset-restore.sh", "dr/drill-replicaset-restore.sh"),
            ]),
        new("monitoring", "Monitoring and alerting operational",
            ["monitoring"], ["monitoring/"],
            [("monitoring/prometheus.yml", "load monitoring/prometheus.yml and monitoring/alerts.yml into Prometheus and check that every target is up and a stopped instance raises its alert")]),
        new("capacity", "Capacity and performance meet the stated workload",
            ["capacity-planning", "topology"], ["outputs/01-capacity-planning.json", "phases/01-capacity-planning.md"],
            [(null, "a load test at the stated peak workload against the deployed cluster")]),
        new("documentation", "Documentation complete",
            ["documentation"], ["docs/"],
            [(null, "a review of docs/ by the team that will operate the cluster")]),
        new("team-trained", "Team trained on operations",
            ["documentation", "dr-testing"], ["docs/training.md", "dr/"],
            [("docs/training.md", "every on-call engineer runs the exercises in docs/training.md on a staging cluster")]),
    ];

    public static IReadOnlyList<SuccessCriterion> Evaluate(WorkflowResult result, IReadOnlyCollection<string> paths)
    {
        var byKey = result.Phases.ToDictionary(p => p.Phase.Key, StringComparer.Ordinal);
        return
        [
            .. Definitions.Select(d =>
            {
                var provides = d.Provides.Where(prefix => paths.Any(p => p == prefix || p.StartsWith(prefix, StringComparison.Ordinal))).ToList();
                var failed = d.Phases.Where(k => byKey.GetValueOrDefault(k) is not { Status: PhaseStatus.Succeeded, Errors.Count: 0 }).ToList();
                var missing = d.Provides.Except(provides, StringComparer.Ordinal).ToList();
                var provided = failed.Count == 0 && missing.Count == 0;
                var how = provided
                    ? $"the files exist and the typed outputs of {string.Join(", ", d.Phases)} passed schema, semantic and cross-phase validation; nothing was run against a cluster"
                    : string.Join("; ", new[]
                    {
                        failed.Count > 0 ? $"{string.Join(", ", failed)} did not complete without errors" : null,
                        missing.Count > 0 ? $"missing from the bundle: {string.Join(", ", missing)}" : null,
                    }.OfType<string>());
                var verify = string.Join("; then ", d.Verify.Where(v => v.File is null || paths.Contains(v.File)).Select(v => v.Command));
                return new SuccessCriterion(d.Id, d.Criterion, provided ? Provided : Incomplete, provides, Verified: false, how, verify);
            }),
        ];
    }
}
