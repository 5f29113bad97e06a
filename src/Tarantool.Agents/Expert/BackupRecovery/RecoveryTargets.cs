using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Compares the plan with the request's RPO and RTO targets and, for each it misses, says so plainly: the figure
/// the plan reaches, why, and what would meet the target (synchronous replication for data loss below what WAL
/// shipping can give; more shards, whose smaller snapshots restore faster, or a failover instead of a restore, for
/// time).
/// </summary>
internal static class RecoveryTargets
{
    public const string RpoMissed = BackupPlanValidator.RpoTargetCode;
    public const string RtoMissed = BackupPlanValidator.RtoTargetCode;

    /// <param name="worstRtoWith">The plan's worst RTO if the data were spread over the given number of shards.</param>
    public static IReadOnlyList<PhaseWarning> Check(ClusterRequest request, Language language, CapacityPlan capacity, BackupPlan plan,
        IReadOnlyList<RecoveryEstimate> estimates, Func<int, int> worstRtoWith)
    {
        var warnings = new List<PhaseWarning>();
        string D(double seconds) => Durations.Text(seconds, language);

        if (request.RpoSeconds is { } rpo && plan.RpoSeconds > rpo)
            warnings.Add(new PhaseWarning(RpoMissed, language.Pick(
                $"The RPO target of {D(rpo)} is missed: the plan reaches {D(plan.RpoSeconds)}, the writes a lost replicaset takes with it since the last WAL shipment{(plan.ContinuousWalArchival ? $" (every {plan.WalArchiveIntervalSeconds} s; shipping more often than every {BackupScheduleDesigner.MinimumArchiveIntervalSeconds} s is not worth its cost)" : " (WAL is not archived, so only full backups leave the host)")}. To meet it: synchronous replication — spaces with is_sync and replication.synchro_quorum — so a write is on a quorum of members, in different zones or sites, before the client sees it committed; then only losing the whole quorum at once loses data.",
                Narratives.RussianText.DecimalCommas($"Цель RPO {D(rpo)} не достигается: план даёт {D(plan.RpoSeconds)} — столько записей уходит вместе с потерянным набором реплик с момента последней отправки WAL{(plan.ContinuousWalArchival ? $" (каждые {plan.WalArchiveIntervalSeconds} с; отправлять чаще, чем раз в {BackupScheduleDesigner.MinimumArchiveIntervalSeconds} с, не окупается)" : " (WAL не архивируется, с хоста уходят только полные копии)")}. Чтобы достичь цели: синхронная репликация — спейсы с is_sync и replication.synchro_quorum, — тогда запись оказывается на кворуме участников в разных зонах или площадках до того, как клиент увидит коммит, и данные теряются, только если кворум потерян целиком."))));

        if (request.RtoSeconds is { } rto && plan.RtoSeconds > rto && estimates.Count > 0)
        {
            var worst = estimates.MaxBy(e => e.Seconds)!;
            var shards = Math.Max(1, capacity.StorageReplicasets);
            int? enough = null;
            for (var n = shards + 1; n <= Math.Min(MemtxCeiling.MaximumShards, shards * 64); n++)
                if (worstRtoWith(n) <= rto) { enough = n; break; }

            var how = enough is { } n2
                ? language.Pick(
                    $"{(ClusterShape.CanShard(request) ? "" : "a sharded cluster (--cluster-type sharded) with ")}about {n2} shards (--shard-count {n2}): each instance's snapshot is {shards}/{n2} of today's, so downloading and loading it takes proportionally less (worst case about {D(worstRtoWith(n2))})",
                    $"{(ClusterShape.CanShard(request) ? "около " : "шардированный кластер (--cluster-type sharded) примерно из ")}{LanguageText.Ru(n2, "шарда", "шардов", "шардов")} (--shard-count {n2}): снимок каждого инстанса составит {shards}/{n2} от нынешнего, и скачивание и загрузка займут пропорционально меньше (в худшем случае около {D(worstRtoWith(n2))})")
                : language.Pick(
                    "more shards do not help: operator reaction and provisioning a host alone take longer, so the failure must be handled by a failover rather than a restore — keep a replica of every replicaset in another zone or site with automatic failover (--ha-strategy active-failover)",
                    "больше шардов не помогут: одна реакция дежурного и подготовка хоста занимают дольше, поэтому отказ нужно закрывать переключением, а не восстановлением, — держите реплику каждого набора в другой зоне или площадке с автоматическим переключением (--ha-strategy active-failover)");
            if (worst.Failure == RecoveryFailures.LostLeader)
                how = language.Pick("automatic failover (--ha-strategy active-failover): a Raft election replaces the leader in seconds, without an operator",
                    "автоматическое переключение (--ha-strategy active-failover): выборы Raft заменяют лидера за секунды, без дежурного");
            warnings.Add(new PhaseWarning(RtoMissed, language.Pick(
                $"The RTO target of {D(rto)} is missed: the plan reaches {D(plan.RtoSeconds)}, for {worst.Failure} ({worst.Formula}). To meet it: {how}.",
                Narratives.RussianText.DecimalCommas($"Цель RTO {D(rto)} не достигается: план даёт {D(plan.RtoSeconds)} для отказа {worst.Failure} ({worst.FormulaRu}). Чтобы достичь цели: {how}."))));
        }

        return warnings;
    }
}
