using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Replication;

/// <summary>Phase 5 expert: replication topology, sync/async choice, lag thresholds from the RPO, join/rebuild and
/// failure handling for every replicaset of the topology.</summary>
public sealed class ReplicationExpert : PhaseExpert<ReplicationPlan>
{
    public override ReplicationPlan Design(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var lag = LagThresholds.For(request, topology, context.Find<BackupPlan>());
        var multiMasterRequested = Phases.CapacityPlanning.ClusterShape.IsTrueMasterMaster(request);
        var replicasets = topology.Replicasets.Where(r => !r.Roles.Contains("stateboard")).Select(r => Replicaset(r, topology, multiMasterRequested)).ToList();
        var app = request.ClusterName;
        var sample = replicasets.FirstOrDefault(r => r.Instances.Count > 1)?.Instances[^1].Instance ?? replicasets[0].Instances[0].Instance;
        var multiMaster = replicasets.Any(r => r.MultiMaster);
        var decisions = new List<string>
        {
            "Every multi-member replicaset is a full mesh: each instance replicates from every other, so any member can take over and no relay chain delays a replica.",
            topology.FailoverMode == "election"
                ? $"Election failover: transactions on spaces created with is_sync = true wait for a quorum of {topology.Election?.SynchroQuorum} (synchronous); other spaces replicate asynchronously. Keep money-like data in synchronous spaces."
                : "No election: replication is asynchronous; a failover may lose the lag of the promoted replica, which the thresholds keep below the RPO.",
            $"Lag thresholds: warning {Figures.Number(lag.WarningSeconds)} s, critical {Figures.Number(lag.CriticalSeconds)} s, derived from the RPO of {lag.RpoSeconds} s ({lag.RpoSource}).",
            "No anonymous replicas: every member is a full voter/failover candidate; replication.anon suits read-only analytics replicas that must not count in the quorum, which this design does not need.",
            multiMaster
                ? "replication.skip_conflict stays false even in master-master: a conflict must stop replication and be resolved, not silently dropped."
                : "replication.skip_conflict stays false: with one writer there is nothing to skip, and skipping would hide divergence.",
        };
        return new ReplicationPlan
        {
            Failover = topology.FailoverMode,
            ReplicationTimeoutSeconds = lag.TimeoutSeconds,
            RpoSeconds = lag.RpoSeconds,
            RpoSource = lag.RpoSource,
            LagWarningSeconds = lag.WarningSeconds,
            LagCriticalSeconds = lag.CriticalSeconds,
            MarkerTimeoutSeconds = lag.MarkerTimeoutSeconds,
            SkipConflict = false,
            Replicasets = replicasets,
            JoinProcedure = JoinSteps(app, request.IsDeclarativeConfig && request.ClusterType != ClusterType.Cartridge),
            RebuildProcedure =
            [
                $"tt stop {app}:<instance>",
                "mv var/lib/<instance> var/lib/<instance>.broken (keep it until the replica is verified)",
                $"tt start {app}:<instance> — the instance re-joins: it fetches a snapshot from a live member and then follows the WAL",
                $"tt connect {app}:<instance>, then box.info.replication: every upstream 'follow', lag under {Figures.Number(lag.WarningSeconds)} s",
                "tarantool/replication/verify-replication.sh <replicaset>, then delete var/lib/<instance>.broken",
            ],
            Failures = ReplicationFailureCatalog.For(app, topology.FailoverMode, multiMaster, lag, sample),
            Decisions = decisions,
        };
    }

    public override string Narrate(ReplicationPlan output, PhaseContext context) => new ReplicationNarrative(output, context).Write();

    private static ReplicasetReplication Replicaset(Replicaset rs, ClusterTopology topology, bool multiMasterRequested)
    {
        var single = rs.Instances.Count == 1;
        var router = rs.Roles.Contains("router") && !rs.Roles.Contains("storage");
        var failover = router ? "off" : topology.FailoverMode;
        var multiMaster = !single && (rs.Instances.Count(i => i.Mode == "rw") > 1 || (multiMasterRequested && failover is "off" or "disabled"));
        var writers = failover switch
        {
            _ when multiMaster => rs.Instances.Select(i => i.Name).ToList(),
            "manual" => [rs.Leader is { Length: > 0 } l ? l : rs.Instances[0].Name],
            "off" or "disabled" => [rs.Instances.FirstOrDefault(i => i.Mode == "rw")?.Name ?? rs.Instances[0].Name],
            _ => [],
        };
        var synchronous = !single && topology.FailoverMode == "election";
        return new ReplicasetReplication(
            rs.Name,
            single ? "single" : "full-mesh",
            single ? "none" : synchronous ? "synchronous" : "asynchronous",
            synchronous ? topology.Election?.SynchroQuorum ?? rs.Instances.Count / 2 + 1 : 0,
            multiMaster,
            writers,
            [.. rs.Instances.Select(i => new InstanceUpstreams(i.Name, $"{i.Host}:{i.Port}", [.. rs.Instances.Where(o => o.Name != i.Name).Select(o => o.Name)]))],
            []);
    }

    private static IReadOnlyList<string> JoinSteps(string app, bool declarative) => declarative
        ?
        [
            "Add the instance to its replicaset in tarantool/config.yaml (name <replicaset>-<n>, iproto.listen, metrics port) and to instances.yml.",
            $"Publish the config: copy it to every host (or tt cluster publish \"http://etcd-1:2379/{app}\" config.yaml); running members pick it up with config.reload().",
            $"tt start {app}:<instance> on the new host; it bootstraps from a snapshot of a live member.",
            $"tt connect {app}:<instance>, then box.info.replication: every upstream 'follow' and box.info.status 'running'.",
            "Run tarantool/replication/verify-replication.sh <replicaset>.",
        ]
        :
        [
            "Add the instance to the topology table of init.lua (or to replicasets.yml for Cartridge) and to instances.yml on every host.",
            $"tt start {app}:<instance>; restart or re-configure the other members so their replication lists include it.",
            $"tt connect {app}:<instance>, then box.info.replication: every upstream 'follow'.",
            "Run tarantool/replication/verify-replication.sh <replicaset>.",
        ];
}
