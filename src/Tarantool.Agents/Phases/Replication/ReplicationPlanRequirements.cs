using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Replication;

/// <summary>
/// States, for the replication prompt, what <see cref="ReplicationPlanValidator"/> demands: every replicaset of the
/// topology with exactly its members, the full mesh, the mode its failover implies, the backup plan's RPO and the
/// failures every plan covers.
/// </summary>
internal static class ReplicationPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        var lines = new List<string>();
        if (topology is not null)
        {
            lines.Add($"failover is the topology's \"{topology.FailoverMode}\".");
            var replicasets = topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")).ToList();
            lines.Add("\"replicasets\" lists each of these exactly once with exactly its members: " +
                string.Join("; ", replicasets.Select(r => $"{r.Name} [{string.Join(", ", r.Instances.Select(i => i.Name))}]")) + ".");
            var mode = topology.FailoverMode == "election" ? "synchronous" : "asynchronous";
            lines.Add($"A replicaset of one member has topology \"single\" and mode \"none\"; larger ones are a \"full-mesh\" (every member replicates from every other non-anonymous member) in mode \"{mode}\"" +
                (topology.Election is { } election ? $" with synchroQuorum {election.SynchroQuorum}, the topology's" : "") + ".");
        }
        if (backup is not null)
            lines.Add($"rpoSeconds is the backup plan's {backup.RpoSeconds}; lagCriticalSeconds is at most rpoSeconds.");
        lines.Add("0 < lagWarningSeconds < lagCriticalSeconds; lagWarningSeconds is at least replicationTimeoutSeconds (positive); markerTimeoutSeconds is at least lagCriticalSeconds.");
        lines.Add($"\"failures\" covers at least {string.Join(", ", ReplicationPlanValidator.RequiredFailures)}, each with a symptom, detection, remedy steps and a caveat" +
            (ClusterShape.IsTrueMasterMaster(context.Request) ? "; master-master also needs \"replication-conflict\" whose caveat explains replication.skip_conflict." : "."));
        lines.Add("joinProcedure checks box.info.replication; rebuildProcedure lists the real tt commands (stop, move the data directory aside, start, verify); \"decisions\" is not empty.");
        return lines;
    }
}
