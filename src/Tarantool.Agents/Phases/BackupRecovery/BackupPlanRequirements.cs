using System.Globalization;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// States, for the backup-recovery prompt, what <see cref="BackupPlanValidator"/> demands: the request's retention
/// and targets, the capacity plan's persistence settings, the storage kinds of the cloud, the backup source and the
/// failures the topology needs procedures for.
/// </summary>
internal static class BackupPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Find<CapacityPlan>();
        var topology = context.Find<ClusterTopology>();
        var production = request.Environment == DeploymentEnvironment.Production;
        var lines = new List<string> { $"retentionDays is {I(request.BackupRetentionDays)} (the request's backup-retention-days)." };

        if (capacity is not null)
            lines.Add($"snapshotIntervalSeconds is {I(capacity.SnapshotIntervalSeconds)} and snapshotCount {I(capacity.SnapshotCount)}, the capacity plan's (it sized the disks for them; config.yaml takes the same values); snapshotWalSizeBytes is positive and within the plan's WAL budget ({I(Math.Max((long)(capacity.WalSizeGb * 1e9), 256L * 1024 * 1024))} bytes).");
        else
            lines.Add("snapshotIntervalSeconds is between 1 and 86400, snapshotCount at least 1, snapshotWalSizeBytes positive.");
        lines.Add("fullBackupCron and verificationCron are valid five-field cron expressions; retention keeps at least two full backups.");
        lines.Add("rpoSeconds and rtoSeconds are positive. With continuousWalArchival, walArchiveIntervalSeconds is positive and at most rpoSeconds; without it walArchiveIntervalSeconds is 0 and rpoSeconds is at least the full backup period. pointInTimeRecovery needs continuousWalArchival.");
        if (production)
            lines.Add($"Production: continuousWalArchival and pointInTimeRecovery are true, rpoSeconds at most {I(BackupPlanValidator.MaxProductionRpoSeconds)}.");
        if (request.RpoSeconds is { } rpo)
            lines.Add($"The request's RPO target is {I(rpo)} s: a plan that misses it carries a warning with code \"{BackupPlanValidator.RpoTargetCode}\" in \"warnings\", in the request's language.");
        if (request.RtoSeconds is { } rto)
            lines.Add($"The request's RTO target is {I(rto)} s: a plan that misses it carries a warning with code \"{BackupPlanValidator.RtoTargetCode}\" in \"warnings\", in the request's language.");

        var kinds = StorageKinds.AllowedFor(request.CloudProvider);
        lines.Add($"storageKind is {string.Join(" or ", kinds.Select(k => $"\"{k}\""))} on {EnumText.Kebab(request.CloudProvider)}; storageUri has that kind's form ({string.Join(", ", kinds.Select(StorageKinds.ExampleUri))}), contains the {{instance}} placeholder and no credentials.");

        if (topology is not null)
        {
            lines.Add(TopologyFacts.HasReplicas(topology)
                ? "backupSource is \"replica\" (the replicasets have replicas)."
                : "backupSource is \"leader\" (no data replicaset has a replica).");
            lines.Add($"\"procedures\" has exactly one procedure for each of: {string.Join(", ", RecoveryFailures.RequiredFor(topology))} (known failures: {string.Join(", ", RecoveryFailures.Known)}); each has at least two steps with real commands and a positive expectedRtoSeconds no larger than rtoSeconds.");
            var instances = topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).ToList();
            if (instances.Count > 0)
                lines.Add($"Steps use the instances' data directories ({InstanceLayout.DataDirectory(request, request.ClusterName, instances[0])} for {instances[0]}, and so on) and start or stop instances through their supervisor, never by running tarantool directly.");
        }
        return lines;
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
