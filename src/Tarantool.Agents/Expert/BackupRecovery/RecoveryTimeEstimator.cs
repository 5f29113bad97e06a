using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Estimates, per failure, the seconds until service (or redundancy, for a lost replica) is back, from the data
/// size, the write rate, the schedule and the failover mode. Each estimate is a sum of named terms rounded up to
/// ten seconds.
/// </summary>
public sealed class RecoveryTimeEstimator(ClusterRequest request, CapacityPlan capacity, ClusterTopology topology, BackupSchedule schedule, string storageKind)
{
    private double SnapshotMb => capacity.SnapshotSizeGb * 1000;

    private int Provision => request.CloudProvider == CloudProvider.Kubernetes ? RecoveryRates.PodProvisionSeconds : RecoveryRates.VmProvisionSeconds;

    private double DownloadMBps => storageKind == StorageKinds.Nfs ? RecoveryRates.NfsMBps : RecoveryRates.ObjectStorageMBps;

    private double WalMb => schedule.ContinuousWalArchival
        ? schedule.WorstReplayRows * capacity.AverageRecordBytes * RecoveryRates.XlogOverheadFactor / 1e6
        : 0;

    public IReadOnlyList<RecoveryEstimate> All()
    {
        var list = new List<RecoveryEstimate>();
        if (TopologyFacts.HasReplicas(topology)) list.AddRange([LostReplica(), LostLeader()]);
        list.AddRange([LostReplicaset(), LogicalCorruption()]);
        if (TopologyFacts.IsMultiSite(topology)) list.Add(LostSite());
        if (TopologyFacts.Routers(topology).Count > 1) list.Add(LostRouter());
        return list;
    }

    public RecoveryEstimate LostReplica() => Sum(RecoveryFailures.LostReplica,
        ("provision", "подготовка хоста", Provision),
        ("initial join", "начальная загрузка реплики", SnapshotMb / RecoveryRates.ReplicaJoinMBps),
        ("snapshot load", "загрузка снимка", SnapshotMb / RecoveryRates.SnapshotLoadMBps),
        ("catch-up", "догон", 60));

    public RecoveryEstimate LostLeader()
    {
        var mode = topology.FailoverMode;
        if (mode is "election" or "supervised")
        {
            var timeout = topology.Election?.TimeoutSeconds is > 0 and var t ? t : 5;
            return Sum(RecoveryFailures.LostLeader,
                ("failure detection (4 × replication_timeout)", "обнаружение отказа (4 × replication_timeout)", 4 * RecoveryRates.ReplicationTimeoutSeconds),
                ("election (2 × election_timeout)", "выборы (2 × election_timeout)", 2 * timeout),
                ("client/router rediscovery", "переподключение клиентов и роутеров", RecoveryRates.ClientRediscoverySeconds));
        }
        if (mode is "stateful" or "eventual" or "raft")
            return Sum(RecoveryFailures.LostLeader,
                ("failover_timeout", "failover_timeout", RecoveryRates.CartridgeFailoverTimeoutSeconds),
                ("client/router rediscovery", "переподключение клиентов и роутеров", RecoveryRates.ClientRediscoverySeconds));
        return Sum(RecoveryFailures.LostLeader,
            ("operator reaction", "реакция дежурного", RecoveryRates.OperatorReactionSeconds),
            ("promote and config reload", "promote и перезагрузка конфигурации", 60),
            ("client/router rediscovery", "переподключение клиентов и роутеров", RecoveryRates.ClientRediscoverySeconds));
    }

    public RecoveryEstimate LostReplicaset() => Sum(RecoveryFailures.LostReplicaset,
        ("operator reaction", "реакция дежурного", RecoveryRates.OperatorReactionSeconds),
        ("provision", "подготовка хоста", Provision),
        ("download", "скачивание", (SnapshotMb + WalMb) / DownloadMBps),
        ("snapshot load", "загрузка снимка", SnapshotMb / RecoveryRates.SnapshotLoadMBps),
        ("native xlog replay", "штатное воспроизведение xlog", schedule.ContinuousWalArchival ? schedule.WorstReplayRows / RecoveryRates.NativeReplayRowsPerSecond : 0));

    public RecoveryEstimate LogicalCorruption() => Sum(RecoveryFailures.LogicalCorruption,
        ("operator reaction and finding the bad LSN with tt cat", "реакция дежурного и поиск LSN через tt cat", 2 * RecoveryRates.OperatorReactionSeconds),
        ("download", "скачивание", (SnapshotMb + WalMb) / DownloadMBps),
        ("snapshot load", "загрузка снимка", SnapshotMb / RecoveryRates.SnapshotLoadMBps),
        ("tt play replay", "воспроизведение через tt play", schedule.ContinuousWalArchival ? schedule.WorstReplayRows / RecoveryRates.TtPlayRowsPerSecond : 0),
        ("swap in the recovered snapshot", "подмена данных восстановленным снимком", RecoveryRates.OperatorReactionSeconds));

    public RecoveryEstimate LostSite()
    {
        if (TopologyFacts.HasAutomaticFailover(topology))
        {
            var timeout = topology.Election?.TimeoutSeconds is > 0 and var t ? t : 5;
            return Sum(RecoveryFailures.LostSite,
                ("failure detection (4 × replication_timeout)", "обнаружение отказа (4 × replication_timeout)", 4 * RecoveryRates.ReplicationTimeoutSeconds),
                ("election across sites (3 × election_timeout)", "выборы между площадками (3 × election_timeout)", 3 * timeout),
                ("cross-site round trips", "задержки между площадками", topology.CrossRegionLatencyBudgetMs * 10 / 1000.0),
                ("clients switch to surviving routers/endpoints", "переключение клиентов на уцелевшие роутеры", 3 * RecoveryRates.ClientRediscoverySeconds));
        }
        return Sum(RecoveryFailures.LostSite,
            ("operator reaction", "реакция дежурного", RecoveryRates.OperatorReactionSeconds),
            ("promote one survivor per replicaset", "promote уцелевшего участника в каждом наборе", 60 * Math.Max(1, TopologyFacts.DataReplicasets(topology).Count)),
            ("clients switch to surviving routers/endpoints", "переключение клиентов на уцелевшие роутеры", 3 * RecoveryRates.ClientRediscoverySeconds));
    }

    public RecoveryEstimate LostRouter() => Sum(RecoveryFailures.LostRouter,
        ("clients retry on another router", "повтор запросов клиентов на другом роутере", 3 * RecoveryRates.ClientRediscoverySeconds));

    private static RecoveryEstimate Sum(string failure, params (string Term, string TermRu, double Seconds)[] terms)
    {
        var total = (int)(Math.Ceiling(terms.Sum(t => t.Seconds) / 10) * 10);
        var formula = string.Join(" + ", terms.Select(t => $"{Figures.Number(t.Seconds, 0)} s {t.Term}")) + $" ≈ {Figures.Integer(total)} s";
        var formulaRu = string.Join(" + ", terms.Select(t => $"{Figures.Number(t.Seconds, 0)} с {t.TermRu}")) + $" ≈ {Figures.Integer(total)} с";
        return new RecoveryEstimate(failure, Math.Max(10, total), formula, formulaRu);
    }
}
