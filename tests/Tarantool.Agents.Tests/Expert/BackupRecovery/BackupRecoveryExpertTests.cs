using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Tests.Phases.BackupRecovery;

namespace Tarantool.Agents.Tests.Expert.BackupRecovery;

public sealed class BackupRecoveryExpertTests
{
    private static readonly BackupRecoveryExpert Expert = new();

    public static TheoryData<string> Fixtures() => [.. BackupFixtures.Names];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Plan_passes_its_own_validator_for_every_cluster_shape(string fixture)
    {
        var context = BackupFixtures.Context(fixture);
        var plan = Expert.Design(context);

        var errors = BackupRecoveryPhase.Spec.Validate(plan, context).Where(i => i.Severity == ValidationSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Development_keeps_daily_backups_without_archival()
    {
        var plan = Expert.Design(BackupFixtures.Context("single-dev"));

        Assert.False(plan.ContinuousWalArchival);
        Assert.False(plan.PointInTimeRecovery);
        Assert.Equal(0, plan.WalArchiveIntervalSeconds);
        Assert.Equal(86400, plan.RpoSeconds);
        Assert.Equal("leader", plan.BackupSource);
        Assert.Equal(StorageKinds.Nfs, plan.StorageKind);
        Assert.Equal([RecoveryFailures.LostReplicaset, RecoveryFailures.LogicalCorruption], plan.Procedures.Select(p => p.Failure));
    }

    [Fact]
    public void Production_archives_wal_every_minute_and_backs_up_a_replica()
    {
        var plan = Expert.Design(BackupFixtures.Context("replicated-prod"));

        Assert.True(plan.ContinuousWalArchival);
        Assert.True(plan.PointInTimeRecovery);
        Assert.Equal(60, plan.WalArchiveIntervalSeconds);
        Assert.Equal(60, plan.RpoSeconds);
        Assert.Equal("replica", plan.BackupSource);
        Assert.Equal(30, plan.RetentionDays);
        Assert.Equal(3, plan.SnapshotCount);
        Assert.Equal(StorageKinds.S3, plan.StorageKind);
        Assert.Equal("s3://orders-production-tarantool-backups/{instance}/", plan.StorageUri);
        Assert.Equal(plan.Procedures.Max(p => p.ExpectedRtoSeconds), plan.RtoSeconds);
    }

    [Fact]
    public void Staging_ships_wal_every_five_minutes()
    {
        var plan = Expert.Design(BackupFixtures.Context("passive-staging"));

        Assert.Equal(300, plan.WalArchiveIntervalSeconds);
        Assert.Equal(300, plan.RpoSeconds);
    }

    [Theory]
    [InlineData("replicated-prod", StorageKinds.S3, "s3://")]
    [InlineData("sharded-prod", StorageKinds.Gcs, "gs://")]
    [InlineData("cartridge-prod", StorageKinds.AzureBlob, "https://billingbkp.blob.core.windows.net/")]
    [InlineData("multi-region-prod", StorageKinds.Nfs, "file:///mnt/")]
    [InlineData("k8s-prod", StorageKinds.S3, "s3://")]
    public void Storage_follows_the_cloud(string fixture, string kind, string prefix)
    {
        var plan = Expert.Design(BackupFixtures.Context(fixture));

        Assert.Equal(kind, plan.StorageKind);
        Assert.StartsWith(prefix, plan.StorageUri);
        Assert.Contains("{instance}", plan.StorageUri);
    }

    [Fact]
    public void Heavy_writes_shorten_the_full_backup_period_to_bound_replay()
    {
        var light = Expert.Design(BackupFixtures.Context("replicated-prod"));
        var heavy = Expert.Design(BackupFixtures.Context("sharded-prod"));

        // 30 000 writes/s: a daily backup would leave ~2.6 billion rows to replay; the period must shrink.
        Assert.True(CronSchedule.MaxPeriodSeconds(heavy.FullBackupCron) < CronSchedule.MaxPeriodSeconds(light.FullBackupCron));
        Assert.True(CronSchedule.MaxPeriodSeconds(heavy.FullBackupCron) >= heavy.SnapshotIntervalSeconds);
    }

    [Fact]
    public void Big_snapshots_are_taken_less_often()
    {
        var small = Expert.Design(BackupFixtures.Context("k8s-prod"));
        var big = Expert.Design(BackupFixtures.Context("sharded-prod"));

        Assert.Equal(3600, small.SnapshotIntervalSeconds);
        Assert.True(big.SnapshotIntervalSeconds > 3600);
    }

    [Fact]
    public void Multi_region_gets_a_site_loss_procedure_and_single_region_does_not()
    {
        Assert.Contains(Expert.Design(BackupFixtures.Context("multi-region-prod")).Procedures, p => p.Failure == RecoveryFailures.LostSite);
        Assert.DoesNotContain(Expert.Design(BackupFixtures.Context("replicated-prod")).Procedures, p => p.Failure == RecoveryFailures.LostSite);
    }

    [Fact]
    public void Leader_loss_procedure_follows_the_failover_mode()
    {
        var manual = Expert.Design(BackupFixtures.Context("passive-staging")).Procedures.Single(p => p.Failure == RecoveryFailures.LostLeader);
        var election = Expert.Design(BackupFixtures.Context("replicated-prod")).Procedures.Single(p => p.Failure == RecoveryFailures.LostLeader);
        var cartridge = Expert.Design(BackupFixtures.Context("cartridge-prod")).Procedures.Single(p => p.Failure == RecoveryFailures.LostLeader);

        // Manual failover: the new leader goes into the configuration every host reads, not into one host's copy.
        Assert.Contains(manual.Steps, s => s.Contains("set `replicasets.db-001.leader: db-001-2` in `tarantool/config.yaml` in the repository and on every host", StringComparison.Ordinal));
        Assert.Contains(election.Steps, s => s.Contains("box.info.election", StringComparison.Ordinal));
        Assert.True(election.ExpectedRtoSeconds < manual.ExpectedRtoSeconds, "automatic failover must be faster than paging a human");
        Assert.Contains(cartridge.Steps, s => s.Contains("stateboard", StringComparison.Ordinal));
    }

    [Fact]
    public void Corruption_procedure_replays_to_a_timestamp_when_pitr_is_on()
    {
        var plan = Expert.Design(BackupFixtures.Context("replicated-prod"));
        var steps = plan.Procedures.Single(p => p.Failure == RecoveryFailures.LogicalCorruption).Steps;

        Assert.Contains(steps, s => s.Contains("tt cat", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("--to-timestamp", StringComparison.Ordinal));
    }

    [Fact]
    public void Sharded_cluster_backs_up_one_replica_per_storage_and_no_router()
    {
        var context = BackupFixtures.Context("sharded-prod");
        var sources = BackupScriptsRenderer.Sources(context);

        Assert.Equal(["storage-001-3", "storage-002-3", "storage-003-3"], sources.Select(s => s.Instance));
        Assert.Contains(Expert.Design(context).Procedures, p => p.Failure == RecoveryFailures.LostRouter);
    }

    [Fact]
    public void Multi_region_backs_up_the_voter_that_never_leads()
    {
        var sources = BackupScriptsRenderer.Sources(BackupFixtures.Context("multi-region-prod"));

        Assert.Equal("db-001-5", Assert.Single(sources).Instance);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Narrative_has_exactly_the_required_sections(string fixture)
    {
        foreach (var language in new[] { Language.En, Language.Ru })
        {
            var answer = Expert.Answer(BackupFixtures.Context(fixture, language));

            Assert.StartsWith("# ", answer.Narrative);
            Assert.Equal(BackupRecoveryPhase.Sections.Select(s => s.Heading(language)), LanguageCheck.Sections(answer.Narrative));
            Assert.EndsWith("\n", answer.Narrative);
            Assert.False(answer.Narrative.EndsWith("\n\n", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Russian_narrative_is_russian(string fixture)
    {
        var narrative = Expert.Answer(BackupFixtures.Context(fixture, Language.Ru)).Narrative;

        Assert.True(LanguageCheck.CyrillicShare(narrative) > 0.6, $"Cyrillic share {LanguageCheck.CyrillicShare(narrative):0.00}");
    }

    [Fact]
    public void Narrative_states_objectives_and_formulas()
    {
        var narrative = Expert.Answer(BackupFixtures.Context("replicated-prod")).Narrative;

        Assert.Contains("RPO of 60 s", narrative);
        Assert.Contains("box.backup.start()", narrative);
        Assert.Contains("--timestamp", narrative);
        Assert.Contains("provision", narrative);
    }

    [Fact]
    public void Answer_is_deterministic()
    {
        var first = Expert.Answer(BackupFixtures.Context("sharded-prod"));
        var second = Expert.Answer(BackupFixtures.Context("sharded-prod"));

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(first.Output, JsonDefaults.Indented), System.Text.Json.JsonSerializer.Serialize(second.Output, JsonDefaults.Indented));
        Assert.Equal(first.Narrative, second.Narrative);
    }

    [Fact]
    public void Output_round_trips_through_the_answer_schema_contract()
    {
        var plan = Expert.Design(BackupFixtures.Context("multi-region-prod"));
        var json = System.Text.Json.JsonSerializer.SerializeToElement(plan, JsonDefaults.Indented);

        var back = (BackupPlan)BackupRecoveryPhase.Spec.Deserialize(json)!;

        Assert.Equal(plan.Procedures.Count, back.Procedures.Count);
        Assert.Equal(plan.StorageUri, back.StorageUri);
        Assert.Equal(System.Text.Json.JsonValueKind.Object, BackupRecoveryPhase.Spec.AnswerSchema.ValueKind);
    }
}
