using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// The failure vocabulary shared by the backup plan (phase 3) and the DR drills (phase 8), and which failures a
/// topology must be prepared for. Both validators use it so the two phases can never disagree.
/// </summary>
public static class RecoveryFailures
{
    public const string LostReplica = "lost-replica";
    public const string LostLeader = "lost-leader";
    public const string LostReplicaset = "lost-replicaset";
    public const string LogicalCorruption = "logical-corruption";
    public const string LostSite = "lost-site";
    public const string LostRouter = "lost-router";

    /// <summary>Every key a restore procedure may carry.</summary>
    public static readonly IReadOnlyList<string> Known = [LostReplica, LostLeader, LostReplicaset, LogicalCorruption, LostSite, LostRouter];

    /// <summary>
    /// Failures that need a procedure: losing a whole replicaset and corrupting data can happen to any cluster;
    /// replica and leader loss only exist when a replicaset has more than one member; a site only when there are
    /// several.
    /// </summary>
    public static IReadOnlyList<string> RequiredFor(ClusterTopology topology)
    {
        var required = new List<string>();
        if (TopologyFacts.HasReplicas(topology)) required.AddRange([LostReplica, LostLeader]);
        required.AddRange([LostReplicaset, LogicalCorruption]);
        if (TopologyFacts.IsMultiSite(topology)) required.Add(LostSite);
        return required;
    }
}
