using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Replication;

/// <summary>
/// Checks a replication plan: every replicaset and member of the topology is covered, full meshes really are full,
/// synchronous replication only under election with the topology's quorum, thresholds ordered and within the RPO,
/// and the failure catalogue covers what breaks in practice (with the conflict caveats for master-master).
/// </summary>
public sealed class ReplicationPlanValidator : IPhaseValidator<ReplicationPlan>
{
    /// <summary>Failures every plan must explain.</summary>
    public static readonly IReadOnlyList<string> RequiredFailures = ["upstream-stopped", "lag-high", "missing-xlog"];

    /// <summary>A replicaset's replication topology: a full mesh, or a single instance.</summary>
    public static readonly IReadOnlyList<string> Topologies = ["full-mesh", "single"];

    /// <summary>How a replicaset confirms transactions: by quorum under election, asynchronously, or not at all.</summary>
    public static readonly IReadOnlyList<string> Modes = ["synchronous", "asynchronous", "none"];

    public IEnumerable<ValidationIssue> Validate(ReplicationPlan output, PhaseContext context)
    {
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        var issues = new List<ValidationIssue>();
        void Error(string code, string message, string path) => issues.Add(ValidationIssue.Error(code, message, path));

        if (topology is not null)
        {
            CheckCoverage(output, topology, Error);
            if (output.Failover != topology.FailoverMode)
                Error("replication.failover-mismatch", $"failover must be the topology's '{topology.FailoverMode}'.", "$.failover");
        }
        CheckThresholds(output, backup, Error);
        CheckModes(output, topology, Error);
        CheckFailures(output, context.Request, Error);
        CheckProcedures(output, Error);
        return issues;
    }

    private static void CheckCoverage(ReplicationPlan output, ClusterTopology topology, Action<string, string, string> error)
    {
        foreach (var rs in topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")))
        {
            var planned = output.Replicasets.Where(p => p.Name == rs.Name).ToList();
            if (planned.Count != 1)
            {
                error("replication.replicaset-coverage", $"Replicaset '{rs.Name}' must appear exactly once in replicasets (found {planned.Count}).", "$.replicasets");
                continue;
            }
            var plan = planned[0];
            var index = output.Replicasets.ToList().IndexOf(plan);
            var members = rs.Instances.Select(i => i.Name).ToList();
            if (plan.Instances.Count != members.Count || plan.Instances.Any(i => !members.Contains(i.Instance)))
                error("replication.instance-coverage", $"Replicaset '{rs.Name}' must list exactly its members [{string.Join(", ", members)}].", $"$.replicasets[{index}].instances");
            var expectedTopology = members.Count == 1 ? "single" : "full-mesh";
            if (plan.Topology != expectedTopology)
                error("replication.topology", $"Replicaset '{rs.Name}' has {members.Count} member(s): its topology is '{expectedTopology}'.", $"$.replicasets[{index}].topology");
            foreach (var instance in plan.Instances.Where(i => members.Contains(i.Instance)))
            {
                var others = members.Where(m => m != instance.Instance).Except(plan.AnonymousReplicas).OrderBy(m => m, StringComparer.Ordinal);
                if (!instance.Upstreams.OrderBy(u => u, StringComparer.Ordinal).SequenceEqual(others))
                    error("replication.upstreams", $"In the full mesh of '{rs.Name}', '{instance.Instance}' must replicate from every other non-anonymous member ({string.Join(", ", others)}).", $"$.replicasets[{index}].instances");
            }
            if (plan.AnonymousReplicas.Any(a => !members.Contains(a)))
                error("replication.anonymous-unknown", $"Anonymous replicas of '{rs.Name}' must be its members.", $"$.replicasets[{index}].anonymousReplicas");
            if (plan.Writers.Any(w => !members.Contains(w)))
                error("replication.writer-unknown", $"Writers of '{rs.Name}' must be its members.", $"$.replicasets[{index}].writers");
        }
        foreach (var extra in output.Replicasets.Where(p => topology.Replicasets.All(r => r.Name != p.Name)))
            error("replication.replicaset-coverage", $"Replicaset '{extra.Name}' is not in the topology.", "$.replicasets");
    }

    private static void CheckThresholds(ReplicationPlan output, BackupPlan? backup, Action<string, string, string> error)
    {
        if (output.LagWarningSeconds <= 0 || output.LagWarningSeconds >= output.LagCriticalSeconds)
            error("replication.thresholds-order", $"lagWarningSeconds ({output.LagWarningSeconds}) must be positive and below lagCriticalSeconds ({output.LagCriticalSeconds}).", "$.lagWarningSeconds");
        if (output.LagWarningSeconds < output.ReplicationTimeoutSeconds)
            error("replication.threshold-below-timeout", $"lagWarningSeconds must be at least replication.timeout ({output.ReplicationTimeoutSeconds} s): lag below one heartbeat is noise.", "$.lagWarningSeconds");
        if (backup is not null && output.RpoSeconds != backup.RpoSeconds)
            error("replication.rpo-mismatch", $"rpoSeconds must be the backup plan's RPO ({backup.RpoSeconds} s).", "$.rpoSeconds");
        if (output.RpoSeconds <= 0)
            error("replication.rpo-missing", "rpoSeconds must be positive: the lag thresholds are derived from it.", "$.rpoSeconds");
        else if (output.LagCriticalSeconds > output.RpoSeconds)
            error("replication.threshold-above-rpo", $"lagCriticalSeconds ({output.LagCriticalSeconds} s) exceeds the RPO ({output.RpoSeconds} s): a leader lost at that lag loses more data than allowed.", "$.lagCriticalSeconds");
        if (output.MarkerTimeoutSeconds < output.LagCriticalSeconds)
            error("replication.marker-timeout", "markerTimeoutSeconds must be at least lagCriticalSeconds, or the verification fails on lag the plan tolerates.", "$.markerTimeoutSeconds");
        if (output.ReplicationTimeoutSeconds <= 0)
            error("replication.timeout", "replicationTimeoutSeconds must be positive.", "$.replicationTimeoutSeconds");
    }

    private static void CheckModes(ReplicationPlan output, ClusterTopology? topology, Action<string, string, string> error)
    {
        for (var i = 0; i < output.Replicasets.Count; i++)
        {
            var rs = output.Replicasets[i];
            var single = rs.Instances.Count <= 1;
            var expectedMode = single ? "none" : output.Failover == "election" ? "synchronous" : "asynchronous";
            if (rs.Mode != expectedMode)
                error("replication.mode", $"Replicaset '{rs.Name}' must be '{expectedMode}': synchronous replication is used exactly when leaders are elected (quorum-confirmed commits).", $"$.replicasets[{i}].mode");
            if (rs.Mode == "synchronous" && topology?.Election is { } election && rs.SynchroQuorum != election.SynchroQuorum)
                error("replication.synchro-quorum", $"Replicaset '{rs.Name}' must use the topology's synchro quorum {election.SynchroQuorum}.", $"$.replicasets[{i}].synchroQuorum");
            if (rs.Mode == "synchronous" && rs.SynchroQuorum > rs.Instances.Count - rs.AnonymousReplicas.Count)
                error("replication.synchro-quorum", $"Replicaset '{rs.Name}' cannot reach a quorum of {rs.SynchroQuorum} with {rs.Instances.Count} voting members.", $"$.replicasets[{i}].synchroQuorum");
            if (rs.MultiMaster && rs.Writers.Count < 2)
                error("replication.multi-master-writers", $"Multi-master replicaset '{rs.Name}' must list its writers (at least two).", $"$.replicasets[{i}].writers");
            if (!rs.MultiMaster && rs.Writers.Count > 1)
                error("replication.multiple-writers", $"Replicaset '{rs.Name}' is not multi-master but lists {rs.Writers.Count} writers.", $"$.replicasets[{i}].writers");
        }
    }

    private static void CheckFailures(ReplicationPlan output, ClusterRequest request, Action<string, string, string> error)
    {
        foreach (var key in RequiredFailures.Where(k => output.Failures.All(f => f.Key != k)))
            error("replication.failure-missing", $"failures must explain '{key}' (symptom, detection, remedy, caveat).", "$.failures");
        for (var i = 0; i < output.Failures.Count; i++)
        {
            var f = output.Failures[i];
            if (string.IsNullOrWhiteSpace(f.Symptom) || string.IsNullOrWhiteSpace(f.Detection) || f.Remedy.Count == 0 || string.IsNullOrWhiteSpace(f.Caveat))
                error("replication.failure-incomplete", $"Failure '{f.Key}' needs a symptom, a detection, remedy steps and a caveat.", $"$.failures[{i}]");
        }
        var multiMaster = output.Replicasets.Any(r => r.MultiMaster) || CapacityPlanning.ClusterShape.IsTrueMasterMaster(request);
        if (multiMaster || output.SkipConflict)
        {
            var conflict = output.Failures.FirstOrDefault(f => f.Key == "replication-conflict");
            if (conflict is null)
                error("replication.conflict-caveat", "Master-master replication (or skip_conflict) needs a 'replication-conflict' failure entry explaining duplicate-key conflicts.", "$.failures");
            else if (!conflict.Caveat.Contains("skip_conflict", StringComparison.Ordinal))
                error("replication.conflict-caveat", "The 'replication-conflict' caveat must explain what replication_skip_conflict does (it silently drops the conflicting row, so replicas diverge).", "$.failures");
        }
        if (output.SkipConflict && !multiMaster)
            error("replication.skip-conflict", "skipConflict hides data loss and only has a place in master-master designs; keep it false.", "$.skipConflict");
    }

    private static void CheckProcedures(ReplicationPlan output, Action<string, string, string> error)
    {
        if (output.JoinProcedure.Count == 0 || !output.JoinProcedure.Any(s => s.Contains("box.info.replication", StringComparison.Ordinal)))
            error("replication.join-procedure", "joinProcedure must list the steps to add a replica and how to check it (box.info.replication).", "$.joinProcedure");
        if (output.RebuildProcedure.Count == 0 || !output.RebuildProcedure.Any(s => s.Contains("tt ", StringComparison.Ordinal)))
            error("replication.rebuild-procedure", "rebuildProcedure must list the real commands to rebuild a replica (stop with tt, move the data directory aside, start, verify).", "$.rebuildProcedure");
        if (output.Decisions.Count == 0)
            error("replication.decisions", "decisions must state the replication choices and their reasons.", "$.decisions");
    }
}
