using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>
/// Phase 3 expert: derives RPO and RTO from the environment, the failover mode and the data volume, and the
/// schedule, storage and restore procedures that achieve them.
/// </summary>
public sealed class BackupRecoveryExpert : PhaseExpert<BackupPlan>
{
    public override BackupPlan Design(PhaseContext context)
    {
        var (schedule, kind, estimates) = Decide(context);
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var procedures = new RestoreProcedureDesigner(request, topology, schedule, estimates).Design();
        var fullPeriodSeconds = schedule.FullBackupPeriodHours * 3600;
        var plan = new BackupPlan
        {
            RpoSeconds = schedule.ContinuousWalArchival ? schedule.WalArchiveIntervalSeconds : fullPeriodSeconds,
            RtoSeconds = procedures.Max(p => p.ExpectedRtoSeconds),
            FullBackupCron = schedule.FullBackupCron,
            SnapshotIntervalSeconds = schedule.SnapshotIntervalSeconds,
            SnapshotWalSizeBytes = schedule.SnapshotWalSizeBytes,
            SnapshotCount = context.Get<CapacityPlan>().SnapshotCount,
            ContinuousWalArchival = schedule.ContinuousWalArchival,
            WalArchiveIntervalSeconds = schedule.WalArchiveIntervalSeconds,
            RetentionDays = request.BackupRetentionDays,
            StorageKind = kind,
            StorageUri = BackupStorageDesigner.UriFor(kind, request),
            BackupSource = TopologyFacts.HasReplicas(topology) ? "replica" : "leader",
            PointInTimeRecovery = schedule.ContinuousWalArchival,
            VerificationCron = schedule.VerificationCron,
            Procedures = procedures,
        };
        return plan with
        {
            Warnings = RecoveryTargets.Check(request, context.Language, context.Get<CapacityPlan>(), plan, estimates, shards => WorstRtoWith(context, shards)),
        };
    }

    /// <summary>The worst recovery time if the data were spread over <paramref name="shards"/> storage replicasets:
    /// each snapshot shrinks in proportion and each replicaset replays only its share of the writes.</summary>
    private static int WorstRtoWith(PhaseContext context, int shards)
    {
        var request = context.Request;
        var capacity = context.Get<CapacityPlan>();
        var scaled = capacity with
        {
            StorageReplicasets = shards,
            SnapshotSizeGb = capacity.SnapshotSizeGb * Math.Max(1, capacity.StorageReplicasets) / shards,
        };
        var schedule = BackupScheduleDesigner.Design(request, scaled);
        var kind = BackupStorageDesigner.KindFor(request.CloudProvider);
        var estimates = new RecoveryTimeEstimator(request, scaled, context.Get<ClusterTopology>(), schedule, kind).All();
        return estimates.Max(e => e.Seconds);
    }

    public override string Narrate(BackupPlan output, PhaseContext context)
    {
        var (schedule, _, estimates) = Decide(context);
        return new BackupPlanNarrator(output, context, schedule, estimates).Write();
    }

    internal static (BackupSchedule Schedule, string Kind, IReadOnlyList<RecoveryEstimate> Estimates) Decide(PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Get<CapacityPlan>();
        var topology = context.Get<ClusterTopology>();
        var schedule = BackupScheduleDesigner.Design(request, capacity);
        var kind = BackupStorageDesigner.KindFor(request.CloudProvider);
        var estimates = new RecoveryTimeEstimator(request, capacity, topology, schedule, kind).All();
        return (schedule, kind, estimates);
    }
}
