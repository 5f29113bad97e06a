using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// Semantic rules of a backup plan and its consistency with the request, the capacity plan, the topology and the
/// shared <see cref="InstanceLayout"/> (restore procedures name the data directories the other phases use and
/// start instances through their supervisor). Every rule accepts any correct plan, not only the embedded expert's.
/// </summary>
public sealed partial class BackupPlanValidator : IPhaseValidator<BackupPlan>
{
    /// <summary>Which member of a replicaset is backed up.</summary>
    public static readonly IReadOnlyList<string> BackupSources = ["replica", "leader"];

    /// <summary>Above this, a production plan no longer protects against more than a few minutes of lost writes.</summary>
    public const int MaxProductionRpoSeconds = 900;

    /// <summary>The plan misses the request's RPO target (the validator's warning and the plan's own share it).</summary>
    public const string RpoTargetCode = "backup.rpo-target-missed";

    /// <summary>The plan misses the request's RTO target.</summary>
    public const string RtoTargetCode = "backup.rto-target-missed";

    public IEnumerable<ValidationIssue> Validate(BackupPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Find<CapacityPlan>();
        var topology = context.Find<ClusterTopology>();
        var issues = new List<ValidationIssue>();

        CheckRetention(plan, request, issues);
        CheckSchedules(plan, capacity, issues);
        CheckObjectives(plan, request, issues);
        CheckTargets(plan, request, issues);
        CheckStorage(plan, request, issues);
        if (topology is not null)
        {
            CheckSource(plan, topology, issues);
            CheckProcedures(plan, topology, issues);
            CheckLayout(plan, request, topology, issues);
        }
        return issues;
    }

    private static void CheckRetention(BackupPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (plan.RetentionDays != request.BackupRetentionDays)
            issues.Add(ValidationIssue.Error("backup.retention-mismatch",
                $"retentionDays is {plan.RetentionDays} but the request asks for backup-retention-days {request.BackupRetentionDays}; set retentionDays to {request.BackupRetentionDays}.",
                "$.retentionDays"));
    }

    private static void CheckSchedules(BackupPlan plan, CapacityPlan? capacity, List<ValidationIssue> issues)
    {
        foreach (var (value, path) in new[] { (plan.FullBackupCron, "$.fullBackupCron"), (plan.VerificationCron, "$.verificationCron") })
            if (CronSchedule.Problem(value) is { } problem)
                issues.Add(ValidationIssue.Error("backup.cron-invalid", $"'{value}' is not a valid cron expression: {problem}.", path));

        if (plan.SnapshotIntervalSeconds is <= 0 or > 86400)
            issues.Add(ValidationIssue.Error("backup.snapshot-interval-invalid",
                $"snapshotIntervalSeconds is {plan.SnapshotIntervalSeconds}; snapshot.by.interval must be between 1 and 86400 seconds (0 disables the checkpoint daemon and lets the WAL grow unbounded).",
                "$.snapshotIntervalSeconds"));
        if (plan.SnapshotWalSizeBytes <= 0)
            issues.Add(ValidationIssue.Error("backup.snapshot-wal-size-invalid",
                "snapshotWalSizeBytes must be positive (snapshot.by.wal_size caps the WAL kept between checkpoints).", "$.snapshotWalSizeBytes"));

        if (capacity is not null)
        {
            foreach (var (key, expected, actual) in PersistenceSettings.From(capacity).Differences(PersistenceSettings.From(plan)))
                issues.Add(key == "snapshot.count"
                    ? ValidationIssue.Error("backup.snapshot-count-mismatch",
                        $"snapshotCount is {actual} but the capacity plan sized the disks for snapshot.count {expected}; use {expected}.", "$.snapshotCount")
                    : ValidationIssue.Error("backup.snapshot-interval-mismatch",
                        $"{key} is {actual} but the capacity plan sized the WAL for {expected}; use {expected} (config.yaml takes the same value).", "$.snapshotIntervalSeconds"));
            var walBudget = Math.Max((long)(capacity.WalSizeGb * 1e9), 256L * 1024 * 1024);
            if (plan.SnapshotWalSizeBytes > walBudget * 3 / 2)
                issues.Add(ValidationIssue.Warning("backup.snapshot-wal-size-over-budget",
                    $"snapshot.by.wal_size {plan.SnapshotWalSizeBytes} bytes lets the WAL grow past the {walBudget} bytes the capacity plan budgeted on disk; lower it or revisit disk sizing.",
                    "$.snapshotWalSizeBytes"));
        }
        else if (plan.SnapshotCount < 1)
            issues.Add(ValidationIssue.Error("backup.snapshot-count-invalid", "snapshotCount must be at least 1.", "$.snapshotCount"));

        var fullPeriod = CronSchedule.MaxPeriodSeconds(plan.FullBackupCron);
        if (fullPeriod is not null && fullPeriod < plan.SnapshotIntervalSeconds)
            issues.Add(ValidationIssue.Warning("backup.full-backup-faster-than-snapshots",
                $"full backups run every {fullPeriod} s but snapshots are taken every {plan.SnapshotIntervalSeconds} s, so consecutive backups copy the same checkpoint; run full backups less often or snapshot more often.",
                "$.fullBackupCron"));
        if (fullPeriod is not null && plan.RetentionDays * 86400L < 2 * fullPeriod)
            issues.Add(ValidationIssue.Warning("backup.retention-keeps-one-backup",
                $"a retention of {plan.RetentionDays} days keeps fewer than two full backups taken every {fullPeriod} s; a corrupt latest backup would leave nothing to restore.",
                "$.retentionDays"));
    }

    private static void CheckObjectives(BackupPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        if (plan.RpoSeconds <= 0 || plan.RtoSeconds <= 0)
            issues.Add(ValidationIssue.Error("backup.objectives-invalid", "rpoSeconds and rtoSeconds must be positive.", "$"));

        if (plan.ContinuousWalArchival)
        {
            if (plan.WalArchiveIntervalSeconds <= 0)
                issues.Add(ValidationIssue.Error("backup.archive-interval-invalid",
                    "continuousWalArchival is true but walArchiveIntervalSeconds is not positive; set how often xlogs are shipped.", "$.walArchiveIntervalSeconds"));
            else if (plan.RpoSeconds < plan.WalArchiveIntervalSeconds)
                issues.Add(ValidationIssue.Error("backup.rpo-below-archive-interval",
                    $"rpoSeconds {plan.RpoSeconds} is smaller than the WAL archive interval {plan.WalArchiveIntervalSeconds} s: writes since the last shipment are lost with the replicaset. Raise the RPO or ship more often.",
                    "$.rpoSeconds"));
        }
        else
        {
            if (plan.WalArchiveIntervalSeconds != 0)
                issues.Add(ValidationIssue.Error("backup.archive-interval-without-archival",
                    "walArchiveIntervalSeconds must be 0 when continuousWalArchival is false.", "$.walArchiveIntervalSeconds"));
            var fullPeriod = CronSchedule.MaxPeriodSeconds(plan.FullBackupCron);
            if (fullPeriod is not null && plan.RpoSeconds < fullPeriod)
                issues.Add(ValidationIssue.Error("backup.rpo-below-backup-period",
                    $"without WAL archival only full backups leave the host, every {fullPeriod} s; rpoSeconds {plan.RpoSeconds} cannot be met. Set rpoSeconds to at least {fullPeriod} or enable WAL archival.",
                    "$.rpoSeconds"));
        }

        if (plan.PointInTimeRecovery && !plan.ContinuousWalArchival)
            issues.Add(ValidationIssue.Error("backup.pitr-without-archival",
                "pointInTimeRecovery needs the xlogs after the snapshot off-host; enable continuousWalArchival or set pointInTimeRecovery to false.",
                "$.pointInTimeRecovery"));

        if (request.Environment == DeploymentEnvironment.Production)
        {
            if (!plan.ContinuousWalArchival)
                issues.Add(ValidationIssue.Error("backup.production-needs-archival",
                    "production needs continuous WAL archival: a daily snapshot alone loses up to a day of writes when a replicaset is lost.", "$.continuousWalArchival"));
            if (!plan.PointInTimeRecovery)
                issues.Add(ValidationIssue.Error("backup.production-needs-pitr",
                    "production needs point-in-time recovery to undo logical corruption (a bad DELETE replicates to every replica at once).", "$.pointInTimeRecovery"));
            if (plan.RpoSeconds > MaxProductionRpoSeconds)
                issues.Add(ValidationIssue.Error("backup.production-rpo-too-high",
                    $"rpoSeconds {plan.RpoSeconds} is above {MaxProductionRpoSeconds} s for production; ship xlogs more often.", "$.rpoSeconds"));
        }
    }

    /// <summary>
    /// The request's RPO and RTO targets: a plan may miss one (some targets only synchronous replication or a
    /// failover can meet), but it must tell the user so itself, in the request's language.
    /// </summary>
    private static void CheckTargets(BackupPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        void Target(int? target, int reached, string code, string name, string remedy)
        {
            if (target is not { } t || reached <= t) return;
            issues.Add(ValidationIssue.Warning(code, $"The plan's {name} of {reached} s misses the request's target of {t} s ({remedy}).", $"$.{name.ToLowerInvariant()}Seconds"));
            if (!plan.Warnings.Any(w => w.Code == code))
                issues.Add(ValidationIssue.Error("backup.target-warning-missing",
                    $"The {name} target of {t} s is missed ({reached} s): add a warning with code '{code}' to warnings, in the request's language, with the figure reached and what would meet the target ({remedy}).",
                    "$.warnings"));
        }

        Target(request.RpoSeconds, plan.RpoSeconds, RpoTargetCode, "RPO", "ship WAL more often, or synchronous replication below what shipping can give");
        Target(request.RtoSeconds, plan.RtoSeconds, RtoTargetCode, "RTO", "more shards for smaller snapshots, or a failover instead of a restore");
        for (var i = 0; i < plan.Warnings.Count; i++)
            if (string.IsNullOrWhiteSpace(plan.Warnings[i].Code) || string.IsNullOrWhiteSpace(plan.Warnings[i].Message))
                issues.Add(ValidationIssue.Error("backup.warning-empty", "Every warning needs a code and a message.", $"$.warnings[{i}]"));
    }

    private static void CheckStorage(BackupPlan plan, ClusterRequest request, List<ValidationIssue> issues)
    {
        var allowed = StorageKinds.AllowedFor(request.CloudProvider);
        if (!allowed.Contains(plan.StorageKind))
            issues.Add(ValidationIssue.Error("backup.storage-kind-mismatch",
                $"storageKind '{plan.StorageKind}' does not fit cloud '{request.CloudProvider}'; use {string.Join(" or ", allowed)}.", "$.storageKind"));
        else if (!StorageKinds.UriFits(plan.StorageKind, plan.StorageUri))
            issues.Add(ValidationIssue.Error("backup.storage-uri-mismatch",
                $"storageUri '{plan.StorageUri}' is not a {plan.StorageKind} URI; use the form {StorageKinds.ExampleUri(plan.StorageKind)}.", "$.storageUri"));

        if (!plan.StorageUri.Contains("{instance}", StringComparison.Ordinal))
            issues.Add(ValidationIssue.Error("backup.storage-uri-no-instance",
                "storageUri must contain the {instance} placeholder so each instance's backups and xlogs get their own prefix.", "$.storageUri"));
        if (SecretInUri().IsMatch(plan.StorageUri))
            issues.Add(ValidationIssue.Error("backup.storage-uri-secret",
                "storageUri carries credentials (user info, key, signature or SAS token); take them from the environment or the instance identity instead.", "$.storageUri"));
    }

    private static void CheckSource(BackupPlan plan, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var hasReplicas = TopologyFacts.HasReplicas(topology);
        if (!BackupSources.Contains(plan.BackupSource))
            issues.Add(ValidationIssue.Error("backup.source-invalid", $"backupSource '{plan.BackupSource}' must be 'replica' or 'leader'.", "$.backupSource"));
        else if (hasReplicas && plan.BackupSource == "leader")
            issues.Add(ValidationIssue.Error("backup.source-not-replica",
                "the replicasets have replicas, so back up from a replica: box.backup.start() pins checkpoints and the copy competes for the leader's disk and network.", "$.backupSource"));
        else if (!hasReplicas && plan.BackupSource == "replica")
            issues.Add(ValidationIssue.Error("backup.source-no-replica",
                "no data replicaset has a replica; the backup source must be 'leader' (the only instance).", "$.backupSource"));
    }

    private static void CheckProcedures(BackupPlan plan, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var multiSite = TopologyFacts.IsMultiSite(topology);
        foreach (var failure in RecoveryFailures.RequiredFor(topology).Where(f => plan.Procedures.All(p => p.Failure != f)))
            issues.Add(ValidationIssue.Error("backup.procedure-missing",
                $"no restore procedure for failure '{failure}'; add one with real commands and an expected RTO.", "$.procedures"));

        for (var i = 0; i < plan.Procedures.Count; i++)
        {
            var procedure = plan.Procedures[i];
            var path = $"$.procedures[{i}]";
            if (!RecoveryFailures.Known.Contains(procedure.Failure))
                issues.Add(ValidationIssue.Warning("backup.procedure-unknown", $"failure key '{procedure.Failure}' is not one of {string.Join(", ", RecoveryFailures.Known)}.", path));
            if (plan.Procedures.Take(i).Any(p => p.Failure == procedure.Failure))
                issues.Add(ValidationIssue.Error("backup.procedure-duplicate", $"failure '{procedure.Failure}' has more than one procedure; merge them.", path));
            if (procedure.Failure == RecoveryFailures.LostSite && !multiSite)
                issues.Add(ValidationIssue.Error("backup.procedure-site-single-region",
                    "a lost-site procedure only applies to multi-region clusters; this topology has one site.", path));
            if ((procedure.Failure is RecoveryFailures.LostReplica or RecoveryFailures.LostLeader) && !TopologyFacts.HasReplicas(topology))
                issues.Add(ValidationIssue.Error("backup.procedure-no-replicas",
                    $"'{procedure.Failure}' needs replicas but no data replicaset has one; cover the single instance with lost-replicaset.", path));
            if (procedure.Steps.Count < 2 || procedure.Steps.Any(string.IsNullOrWhiteSpace))
                issues.Add(ValidationIssue.Error("backup.procedure-steps",
                    $"procedure '{procedure.Failure}' needs at least two non-empty steps with real commands.", $"{path}.steps"));
            if (procedure.ExpectedRtoSeconds <= 0)
                issues.Add(ValidationIssue.Error("backup.procedure-rto-invalid", $"procedure '{procedure.Failure}' needs a positive expectedRtoSeconds.", $"{path}.expectedRtoSeconds"));
            else if (procedure.ExpectedRtoSeconds > plan.RtoSeconds)
                issues.Add(ValidationIssue.Error("backup.procedure-rto-over-objective",
                    $"procedure '{procedure.Failure}' expects {procedure.ExpectedRtoSeconds} s, more than the plan's RTO of {plan.RtoSeconds} s; raise rtoSeconds or speed the procedure up.",
                    $"{path}.expectedRtoSeconds"));
            if (procedure.Failure == RecoveryFailures.LogicalCorruption && plan.PointInTimeRecovery
                && !procedure.Steps.Any(s => s.Contains("tt play", StringComparison.Ordinal) || s.Contains("restore.sh", StringComparison.Ordinal)))
                issues.Add(ValidationIssue.Warning("backup.corruption-without-replay",
                    "the logical-corruption procedure never replays xlogs (tt play or backup/restore.sh) although point-in-time recovery is enabled.", $"{path}.steps"));
        }
    }

    /// <summary>Cross-phase rules: data directories are the deployment form's (<see cref="InstanceLayout"/>), and
    /// instances are started and stopped by their systemd unit or StatefulSet, never by tt directly.</summary>
    private static void CheckLayout(BackupPlan plan, ClusterRequest request, ClusterTopology topology, List<ValidationIssue> issues)
    {
        var instances = topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var supervisor = InstanceLayout.InContainers(request)
            ? "their StatefulSets (kubectl delete pod recreates one)"
            : $"their systemd units ({InstanceLayout.Unit(request.ClusterName, "<instance>")}: systemctl start/stop)";
        for (var i = 0; i < plan.Procedures.Count; i++)
        {
            var procedure = plan.Procedures[i];
            var path = $"$.procedures[{i}].steps";
            foreach (var (found, expected) in procedure.Steps.SelectMany(s => InstanceLayout.MisplacedDataDirectories(s, request, request.ClusterName, instances)).Distinct())
                issues.Add(ValidationIssue.Error("backup.procedure-data-dir",
                    $"procedure '{procedure.Failure}' uses {found}, but that instance keeps its data in {expected} (the configuration phase's layout, the containers phase's units and volumes, the monitoring and DR phases).", path));
            if (procedure.Steps.Any(InstanceLayout.BypassesSupervisor))
                issues.Add(ValidationIssue.Error("backup.procedure-bypasses-supervisor",
                    $"procedure '{procedure.Failure}' starts or stops instances with tt (tt start/stop/restart/kill, tt replicaset rebootstrap), but instances are run by {supervisor}; use those so the supervisor neither restarts a stopped instance nor loses a started one.", path));
        }
    }

    [GeneratedRegex(@"(//[^/]*@)|([?&](sig|se|sv|key|secret|token|password|AccessKeyID|SecretAccessKey)=)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretInUri();
}
