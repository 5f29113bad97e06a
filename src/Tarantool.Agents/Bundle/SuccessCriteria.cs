using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// The seed's success criteria and what a bundle provides for each. "Verified" means the phases behind the
/// criterion passed the product's validators in this run; checks on a running cluster come with the drills.
/// </summary>
public static class SuccessCriteria
{
    private sealed record Definition(string Id, string Criterion, string[] Phases, string[] Provides);

    private static readonly Definition[] Definitions =
    [
        new("cluster-deployed", "Tarantool cluster deployed and operational",
            ["topology", "configuration", "deployment-automation"], ["tarantool/", "deploy/"]),
        new("high-availability", "High availability configured and failover tested",
            ["topology", "replication", "dr-testing"], ["tarantool/", "dr/"]),
        new("backup-recovery", "Backup and recovery procedures in place and validated",
            ["backup-recovery", "dr-testing"], ["backup/", "dr/"]),
        new("monitoring", "Monitoring and alerting operational",
            ["monitoring"], ["monitoring/"]),
        new("capacity", "Capacity and performance meet the stated workload",
            ["capacity-planning", "topology"], ["outputs/01-capacity-planning.json", "phases/01-capacity-planning.md"]),
        new("documentation", "Documentation complete",
            ["documentation"], ["docs/"]),
        new("team-trained", "Team trained on operations",
            ["documentation", "dr-testing"], ["docs/training.md", "dr/"]),
    ];

    public static IReadOnlyList<SuccessCriterion> Evaluate(WorkflowResult result, IReadOnlyCollection<string> paths)
    {
        var byKey = result.Phases.ToDictionary(p => p.Phase.Key, StringComparer.Ordinal);
        return
        [
            .. Definitions.Select(d =>
            {
                var provides = d.Provides.Where(prefix => paths.Any(p => p == prefix || p.StartsWith(prefix, StringComparison.Ordinal))).ToList();
                var phases = d.Phases.Select(byKey.GetValueOrDefault).ToList();
                var verified = phases.All(p => p is { Status: PhaseStatus.Succeeded, Errors.Count: 0 }) && provides.Count == d.Provides.Length;
                var how = verified
                    ? $"typed outputs of {string.Join(", ", d.Phases)} passed schema, semantic and cross-phase validation; run the drills in dr/ on the live cluster to confirm"
                    : $"not verified: {string.Join(", ", d.Phases.Where(k => byKey.GetValueOrDefault(k) is not { Status: PhaseStatus.Succeeded }).DefaultIfEmpty("artifacts missing"))} did not complete";
                return new SuccessCriterion(d.Id, d.Criterion, provides, verified, how);
            }),
        ];
    }
}
