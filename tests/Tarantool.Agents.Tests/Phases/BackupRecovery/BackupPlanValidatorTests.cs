using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>Each rule of the validator, shown failing on a plan that is otherwise correct.</summary>
public sealed class BackupPlanValidatorTests
{
    private static readonly BackupPlanValidator Validator = new();

    private static BackupPlan Good(string fixture) => new BackupRecoveryExpert().Design(BackupFixtures.Context(fixture));

    private static List<string> Errors(BackupPlan plan, string fixture) =>
        Codes(plan, BackupFixtures.Context(fixture), ValidationSeverity.Error);

    private static List<string> Codes(BackupPlan plan, PhaseContext context, ValidationSeverity severity) =>
        [.. Validator.Validate(plan, context).Where(i => i.Severity == severity).Select(i => i.Code)];

    [Fact]
    public void Retention_must_equal_the_request()
    {
        Assert.Contains("backup.retention-mismatch", Errors(Good("replicated-prod") with { RetentionDays = 7 }, "replicated-prod"));
    }

    [Theory]
    [InlineData("15 1 * *")]
    [InlineData("99 1 * * *")]
    [InlineData("daily")]
    public void Cron_expressions_must_have_five_valid_fields(string cron)
    {
        Assert.Contains("backup.cron-invalid", Errors(Good("replicated-prod") with { FullBackupCron = cron }, "replicated-prod"));
        Assert.Contains("backup.cron-invalid", Errors(Good("replicated-prod") with { VerificationCron = cron }, "replicated-prod"));
    }

    [Fact]
    public void Snapshot_count_must_match_the_capacity_plan()
    {
        Assert.Contains("backup.snapshot-count-mismatch", Errors(Good("replicated-prod") with { SnapshotCount = 5 }, "replicated-prod"));
    }

    [Fact]
    public void Snapshot_interval_must_match_the_capacity_plan_that_sized_the_wal()
    {
        var good = Good("replicated-prod");
        Assert.DoesNotContain("backup.snapshot-interval-mismatch", Errors(good, "replicated-prod"));
        Assert.Contains("backup.snapshot-interval-mismatch", Errors(good with { SnapshotIntervalSeconds = good.SnapshotIntervalSeconds * 2 }, "replicated-prod"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(90000)]
    public void Snapshot_interval_must_be_sane(int seconds)
    {
        Assert.Contains("backup.snapshot-interval-invalid", Errors(Good("replicated-prod") with { SnapshotIntervalSeconds = seconds }, "replicated-prod"));
    }

    [Fact]
    public void Wal_size_must_be_positive_and_is_warned_over_budget()
    {
        Assert.Contains("backup.snapshot-wal-size-invalid", Errors(Good("replicated-prod") with { SnapshotWalSizeBytes = 0 }, "replicated-prod"));
        Assert.Contains("backup.snapshot-wal-size-over-budget",
            Codes(Good("replicated-prod") with { SnapshotWalSizeBytes = 100_000_000_000 }, BackupFixtures.Context("replicated-prod"), ValidationSeverity.Warning));
    }

    [Fact]
    public void Pitr_requires_wal_archival()
    {
        var plan = Good("passive-staging") with { ContinuousWalArchival = false, WalArchiveIntervalSeconds = 0, RpoSeconds = 86400 };

        Assert.Contains("backup.pitr-without-archival", Errors(plan, "passive-staging"));
    }

    [Fact]
    public void Rpo_cannot_be_below_the_archive_interval()
    {
        Assert.Contains("backup.rpo-below-archive-interval", Errors(Good("replicated-prod") with { RpoSeconds = 30 }, "replicated-prod"));
    }

    [Fact]
    public void Without_archival_rpo_cannot_be_below_the_backup_period()
    {
        Assert.Contains("backup.rpo-below-backup-period", Errors(Good("single-dev") with { RpoSeconds = 3600 }, "single-dev"));
    }

    [Fact]
    public void Archive_interval_must_be_consistent_with_the_archival_flag()
    {
        Assert.Contains("backup.archive-interval-invalid", Errors(Good("replicated-prod") with { WalArchiveIntervalSeconds = 0 }, "replicated-prod"));
        Assert.Contains("backup.archive-interval-without-archival", Errors(Good("single-dev") with { WalArchiveIntervalSeconds = 60 }, "single-dev"));
    }

    [Fact]
    public void Production_needs_archival_pitr_and_a_low_rpo()
    {
        var noArchival = Good("replicated-prod") with { ContinuousWalArchival = false, WalArchiveIntervalSeconds = 0, PointInTimeRecovery = false, RpoSeconds = 86400 };
        var errors = Errors(noArchival, "replicated-prod");

        Assert.Contains("backup.production-needs-archival", errors);
        Assert.Contains("backup.production-needs-pitr", errors);
        Assert.Contains("backup.production-rpo-too-high", errors);
    }

    [Fact]
    public void Development_may_run_without_archival()
    {
        Assert.Empty(Errors(Good("single-dev"), "single-dev"));
    }

    [Theory]
    [InlineData("replicated-prod", StorageKinds.Gcs, "gs://b/{instance}/")]
    [InlineData("sharded-prod", StorageKinds.S3, "s3://b/{instance}/")]
    [InlineData("cartridge-prod", StorageKinds.Nfs, "file:///mnt/b/{instance}/")]
    [InlineData("k8s-prod", StorageKinds.Nfs, "file:///mnt/b/{instance}/")]
    public void Storage_kind_must_fit_the_cloud(string fixture, string kind, string uri)
    {
        Assert.Contains("backup.storage-kind-mismatch", Errors(Good(fixture) with { StorageKind = kind, StorageUri = uri }, fixture));
    }

    [Fact]
    public void On_premises_accepts_nfs_and_s3_compatible_storage()
    {
        var plan = Good("multi-region-prod") with { StorageKind = StorageKinds.S3, StorageUri = "s3://ledger-backups/{instance}/" };

        Assert.Empty(Errors(plan, "multi-region-prod"));
    }

    [Fact]
    public void Storage_uri_must_match_the_kind_carry_the_instance_and_no_secret()
    {
        Assert.Contains("backup.storage-uri-mismatch", Errors(Good("replicated-prod") with { StorageUri = "gs://b/{instance}/" }, "replicated-prod"));
        Assert.Contains("backup.storage-uri-no-instance", Errors(Good("replicated-prod") with { StorageUri = "s3://b/all/" }, "replicated-prod"));
        Assert.Contains("backup.storage-uri-secret",
            Errors(Good("cartridge-prod") with { StorageUri = "https://a.blob.core.windows.net/c/{instance}/?sv=2024&sig=abc" }, "cartridge-prod"));
        Assert.Contains("backup.storage-uri-secret", Errors(Good("multi-region-prod") with { StorageKind = "s3", StorageUri = "s3://key:secret@b/{instance}/" }, "multi-region-prod"));
    }

    [Fact]
    public void Backup_source_is_a_replica_when_replicas_exist()
    {
        Assert.Contains("backup.source-not-replica", Errors(Good("replicated-prod") with { BackupSource = "leader" }, "replicated-prod"));
        Assert.Contains("backup.source-no-replica", Errors(Good("single-dev") with { BackupSource = "replica" }, "single-dev"));
        Assert.Contains("backup.source-invalid", Errors(Good("replicated-prod") with { BackupSource = "db-001-3" }, "replicated-prod"));
    }

    [Theory]
    [InlineData("replicated-prod", RecoveryFailures.LostReplica)]
    [InlineData("replicated-prod", RecoveryFailures.LostLeader)]
    [InlineData("replicated-prod", RecoveryFailures.LostReplicaset)]
    [InlineData("single-dev", RecoveryFailures.LogicalCorruption)]
    [InlineData("multi-region-prod", RecoveryFailures.LostSite)]
    public void Every_required_failure_needs_a_procedure(string fixture, string failure)
    {
        var plan = Good(fixture);
        plan = plan with { Procedures = [.. plan.Procedures.Where(p => p.Failure != failure)] };

        Assert.Contains("backup.procedure-missing", Errors(plan, fixture));
    }

    [Fact]
    public void Site_loss_applies_only_to_multi_region()
    {
        var plan = Good("replicated-prod");
        plan = plan with { Procedures = [.. plan.Procedures, new RestoreProcedure(RecoveryFailures.LostSite, "site", ["a", "b"], 60)] };

        Assert.Contains("backup.procedure-site-single-region", Errors(plan, "replicated-prod"));
    }

    [Fact]
    public void Replica_procedures_need_replicas()
    {
        var plan = Good("single-dev");
        plan = plan with { Procedures = [.. plan.Procedures, new RestoreProcedure(RecoveryFailures.LostReplica, "replica", ["a", "b"], 60)] };

        Assert.Contains("backup.procedure-no-replicas", Errors(plan, "single-dev"));
    }

    [Fact]
    public void Procedures_need_steps_unique_keys_and_an_rto_within_the_objective()
    {
        var plan = Good("replicated-prod");
        var first = plan.Procedures[0];

        Assert.Contains("backup.procedure-steps", Errors(plan with { Procedures = [first with { Steps = ["only one"] }, .. plan.Procedures.Skip(1)] }, "replicated-prod"));
        Assert.Contains("backup.procedure-duplicate", Errors(plan with { Procedures = [.. plan.Procedures, first] }, "replicated-prod"));
        Assert.Contains("backup.procedure-rto-invalid", Errors(plan with { Procedures = [first with { ExpectedRtoSeconds = 0 }, .. plan.Procedures.Skip(1)] }, "replicated-prod"));
        Assert.Contains("backup.procedure-rto-over-objective", Errors(plan with { RtoSeconds = 5 }, "replicated-prod"));
    }

    [Fact]
    public void Unknown_failure_keys_are_warned()
    {
        var plan = Good("replicated-prod");
        plan = plan with { Procedures = [.. plan.Procedures, new RestoreProcedure("meteor-strike", "x", ["a", "b"], 60)] };

        Assert.Contains("backup.procedure-unknown", Codes(plan, BackupFixtures.Context("replicated-prod"), ValidationSeverity.Warning));
    }

    [Fact]
    public void Objectives_must_be_positive()
    {
        Assert.Contains("backup.objectives-invalid", Errors(Good("replicated-prod") with { RtoSeconds = 0 }, "replicated-prod"));
    }

    [Fact]
    public void Retention_shorter_than_two_backups_is_warned()
    {
        var context = BackupFixtures.WithRequest("single-dev", r => r with { BackupRetentionDays = 1 });
        var plan = Good("single-dev") with { RetentionDays = 1 };

        Assert.Contains("backup.retention-keeps-one-backup", Codes(plan, context, ValidationSeverity.Warning));
    }

    [Fact]
    public void A_different_correct_plan_is_accepted()
    {
        // An LLM may choose other numbers: archival every 2 minutes, RPO 5 minutes, 6-hourly backups, GCS path layout.
        var plan = Good("sharded-prod") with
        {
            WalArchiveIntervalSeconds = 120,
            RpoSeconds = 300,
            FullBackupCron = "0 */6 * * *",
            StorageUri = "gs://payments-backups/prod/{instance}",
            VerificationCron = "0 3 * * 1",
        };

        Assert.Empty(Errors(plan, "sharded-prod"));
    }

    [Fact]
    public void Request_language_does_not_change_validation()
    {
        var plan = Good("replicated-prod");
        var ru = BackupFixtures.Context("replicated-prod", Language.Ru);

        Assert.Empty(Codes(plan, ru, ValidationSeverity.Error));
    }

    [Theory]
    [InlineData("replicated-prod")]
    [InlineData("passive-staging")]
    [InlineData("k8s-prod")]
    public void Expert_procedures_use_the_shared_data_directories_and_supervisors(string fixture)
    {
        var plan = Good(fixture);
        var errors = Errors(plan, fixture);
        Assert.DoesNotContain("backup.procedure-data-dir", errors);
        Assert.DoesNotContain("backup.procedure-bypasses-supervisor", errors);
        var request = BackupFixtures.Context(fixture).Request;
        var leader = plan.Procedures.Single(p => p.Failure == RecoveryFailures.LostReplicaset);
        Assert.Contains(leader.Steps, s => s.Contains($"--data-dir {InstanceLayout.DataRoot(request, request.ClusterName)}/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("passive-staging", "/var/lib/tarantool/catalog/db-001-1")]
    [InlineData("passive-staging", "/var/lib/tarantool/db-001-1")]
    [InlineData("k8s-prod", "/var/lib/tarantool/events/db-001-1")]
    [InlineData("k8s-prod", "/opt/tarantool/events/var/lib/db-001-1")]
    public void A_procedure_must_name_the_data_directory_of_the_deployment_form(string fixture, string dataDir)
    {
        var plan = Good(fixture);
        var first = plan.Procedures[0];
        var broken = first with { Steps = [.. first.Steps, $"Restore it: `backup/restore.sh db-001-1 --data-dir {dataDir}`."] };
        Assert.Contains("backup.procedure-data-dir", Errors(plan with { Procedures = [broken, .. plan.Procedures.Skip(1)] }, fixture));
    }

    [Theory]
    [InlineData("passive-staging", "Start it: `tt start catalog:db-001-1`.")]
    [InlineData("passive-staging", "Rebootstrap it: `tt replicaset rebootstrap catalog:db-001-2 -y`.")]
    [InlineData("k8s-prod", "Stop it: `tt stop events:db-001-1`.")]
    public void A_procedure_must_start_and_stop_instances_through_their_supervisor(string fixture, string step)
    {
        var plan = Good(fixture);
        var first = plan.Procedures[0];
        var broken = first with { Steps = [.. first.Steps, step] };
        Assert.Contains("backup.procedure-bypasses-supervisor", Errors(plan with { Procedures = [broken, .. plan.Procedures.Skip(1)] }, fixture));
    }
}
