using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

public sealed class BackupScriptsRendererTests
{
    private static readonly string[] ScriptPaths = ["backup/lib.sh", "backup/backup.sh", "backup/archive-wal.sh", "backup/verify-backup.sh", "backup/restore.sh"];

    public static TheoryData<string> Fixtures() => [.. BackupFixtures.Names];

    private static IReadOnlyList<BundleFile> Render(string fixture, Func<BackupPlan, BackupPlan>? change = null)
    {
        var context = BackupFixtures.Context(fixture);
        var plan = new BackupRecoveryExpert().Design(context);
        return BackupRecoveryPhase.Spec.Render(change is null ? plan : change(plan), context);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Renders_the_backup_scripts_as_executables(string fixture)
    {
        var files = Render(fixture);

        // A crontab schedules the scripts on VM hosts; on Kubernetes the CronJobs do, so there is none.
        var crontab = Tarantool.Agents.Phases.Containers.InstanceLayout.InContainers(BackupFixtures.Context(fixture).Request) ? [] : new[] { "backup/crontab" };
        Assert.Equal([.. ScriptPaths, .. crontab], files.Select(f => f.Path));
        foreach (var file in files)
        {
            Assert.Equal(file.Path.EndsWith(".sh", StringComparison.Ordinal), file.Executable);
            Assert.EndsWith("\n", file.Content);
            Assert.False(file.Content.EndsWith("\n\n", StringComparison.Ordinal), file.Path);
            Assert.DoesNotContain("\r", file.Content);
            Assert.DoesNotContain("{{", file.Content);
        }
        foreach (var script in files.Where(f => f.Executable))
        {
            Assert.StartsWith("#!/usr/bin/env bash\n", script.Content);
            if (script.Path != "backup/lib.sh") Assert.Contains("set -euo pipefail", script.Content);
        }
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Rendering_is_deterministic_and_free_of_secrets(string fixture)
    {
        var first = Render(fixture);
        var second = Render(fixture);

        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content));
        foreach (var file in first)
            foreach (var secret in new[] { "AKIA", "SecretAccessKey=", "AccountKey=", "sig=", "password=", "BEGIN PRIVATE KEY" })
                Assert.DoesNotContain(secret, file.Content);
    }

    [Theory]
    [InlineData("replicated-prod", "aws \"${args[@]}\" s3", "STORAGE_KIND:-s3}")]
    [InlineData("sharded-prod", "gcloud storage cp", "STORAGE_KIND:-gcs}")]
    [InlineData("cartridge-prod", "az storage blob", "STORAGE_KIND:-azure-blob}")]
    [InlineData("single-dev", "cp \"$file\"", "STORAGE_KIND:-nfs}")]
    public void Lib_targets_the_planned_storage(string fixture, string command, string kindDefault)
    {
        var lib = Render(fixture).Single(f => f.Path == "backup/lib.sh").Content;

        Assert.Contains(command, lib);
        Assert.Contains(kindDefault, lib);
    }

    [Fact]
    public void Lib_lists_the_designated_sources_and_retention()
    {
        var lib = Render("sharded-prod").Single(f => f.Path == "backup/lib.sh").Content;

        Assert.Contains("\"storage-002 storage-002-3 payments-node-6\"", lib);
        Assert.Contains("RETENTION_DAYS=\"${RETENTION_DAYS:-14}\"", lib);
        Assert.Contains("TT_APP=\"${TT_APP:-payments}\"", lib);
    }

    [Fact]
    public void Crontab_schedules_backups_verification_and_archival()
    {
        // The crontab is the VM form's schedule: the same AWS cluster on EC2 VMs instead of EKS.
        var context = BackupFixtures.WithRequest("replicated-prod", r => r with { Deployment = DeploymentForm.Vm });
        var plan = new BackupRecoveryExpert().Design(context);
        var files = BackupRecoveryPhase.Spec.Render(plan, context);
        var cron = files.Single(f => f.Path == "backup/crontab").Content;

        Assert.Contains($"{plan.FullBackupCron} tarantool /opt/tarantool-backup/backup.sh db-001-3", cron);
        Assert.Contains($"{plan.VerificationCron} tarantool /opt/tarantool-backup/verify-backup.sh db-001-3", cron);
        Assert.Contains("* * * * * tarantool /opt/tarantool-backup/archive-wal.sh db-001-3", cron);
        Assert.DoesNotContain("archive-wal.sh", Render("single-dev").Single(f => f.Path == "backup/crontab").Content);
    }

    [ToolFact("shellcheck")]
    public void Scripts_are_shellcheck_clean()
    {
        foreach (var fixture in new[] { "replicated-prod", "single-dev", "cartridge-prod" })
        {
            var root = ShellTools.WriteBundle(Render(fixture));
            var (code, output) = ShellTools.ShellCheck(Path.Combine(root, "backup"), ScriptPaths.Select(Path.GetFileName)!);
            Assert.True(code == 0, output);
        }
    }

    [ToolFact("bash")]
    public void Scripts_parse_and_dry_run()
    {
        var root = ShellTools.WriteBundle(Render("replicated-prod"));
        foreach (var script in ScriptPaths)
            Assert.Equal(0, ShellTools.Run("bash", ["-n", script], root).ExitCode);

        var env = new Dictionary<string, string> { ["DRY_RUN"] = "1", ["STATE_DIR"] = Path.Combine(root, "state") };
        var backup = ShellTools.Run("bash", ["backup/backup.sh", "db-001-3"], root, env);
        Assert.True(backup.ExitCode == 0, backup.Output);
        Assert.Contains("DRY-RUN: box.backup.start() on orders:db-001-3", backup.Output);

        var verify = ShellTools.Run("bash", ["backup/verify-backup.sh", "db-001-3"], root, env);
        Assert.Contains("VERIFY DRY-RUN db-001-3", verify.Output);

        var usage = ShellTools.Run("bash", ["backup/backup.sh"], root);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("db-001 db-001-3 orders-node-3", usage.Output);
    }

    [ToolFact("bash")]
    public void Backup_verify_and_restore_work_end_to_end_on_a_local_store()
    {
        var files = Render("multi-region-prod");
        var root = ShellTools.WriteBundle(files);
        var fake = new FakeInstance(root);
        var store = Path.Combine(root, "store");
        var env = new Dictionary<string, string>
        {
            ["TT_BIN"] = fake.TtPath,
            ["STUB_ROOT"] = fake.Root,
            ["STUB_LOG"] = fake.Log,
            ["STATE_DIR"] = Path.Combine(root, "state"),
            ["STORAGE_URI"] = $"file://{store}/{{instance}}/",
            ["TARANTOOL_BIN"] = "/nonexistent/tarantool",
            ["METRICS_FILE"] = Path.Combine(root, "tarantool_backup.prom"),
        };
        // Two backups older than the 35-day retention and an archived xlog that predates both checkpoints.
        var instanceStore = Path.Combine(store, "db-001-5");
        fake.OldBackup(instanceStore, "20000101T000000Z", "00000000000000000001");
        fake.OldBackup(instanceStore, "20000102T000000Z", "00000000000000000010");
        fake.Archived(instanceStore, "00000000000000000005.xlog");
        fake.Archived(instanceStore, "00000000000000000150.xlog");

        var backup = ShellTools.Run("bash", ["backup/backup.sh", "db-001-5"], root, env);
        Assert.True(backup.ExitCode == 0, backup.Output);

        var id = Assert.Single(Directory.GetDirectories(Path.Combine(instanceStore, "full")).Select(Path.GetFileName), d => !d!.StartsWith("2000", StringComparison.Ordinal));
        var full = Path.Combine(instanceStore, "full", id!);
        Assert.True(File.Exists(Path.Combine(full, "snap", "00000000000000000100.snap")));
        Assert.True(File.Exists(Path.Combine(full, "vinyl", "512", "0", "00000000000000000090.run")));
        Assert.True(File.Exists(Path.Combine(full, "wal", "00000000000000000100.xlog")), "closed xlog after the checkpoint");
        Assert.False(File.Exists(Path.Combine(full, "wal", "00000000000000000050.xlog")), "xlog before the checkpoint");
        Assert.False(File.Exists(Path.Combine(full, "wal", "00000000000000000200.xlog")), "open xlog");
        Assert.Contains("checkpoint_signature=00000000000000000100", File.ReadAllText(Path.Combine(full, "backup.info")));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(full, "manifest.sha256")).Length);
        Assert.Contains("box.backup.stop()", File.ReadAllText(fake.Log));
        // The freshness metric carries the replicaset the alerts group by.
        Assert.StartsWith("tarantool_backup_last_success_timestamp_seconds{instance=\"db-001-5\",replicaset=\"db-001\"} ", File.ReadAllText(env["METRICS_FILE"]));
        // Retention: the older expired backup goes, the newest expired one stays as the PITR anchor, and the
        // xlog older than the anchor's checkpoint goes with it.
        Assert.False(Directory.Exists(Path.Combine(instanceStore, "full", "20000101T000000Z")));
        Assert.True(Directory.Exists(Path.Combine(instanceStore, "full", "20000102T000000Z")));
        Assert.False(File.Exists(Path.Combine(instanceStore, "wal", "00000000000000000005.xlog")));
        Assert.True(File.Exists(Path.Combine(instanceStore, "wal", "00000000000000000150.xlog")));

        var verifyEnv = new Dictionary<string, string>(env) { ["VERIFY_MODE"] = "checksums", ["VERIFY_DIR"] = root };
        var verify = ShellTools.Run("bash", ["backup/verify-backup.sh", "db-001-5"], root, verifyEnv);
        Assert.True(verify.ExitCode == 0, verify.Output);
        Assert.Contains($"VERIFY PASS db-001-5 {id}", verify.Output);

        var dataDir = Path.Combine(root, "restored");
        var restore = ShellTools.Run("bash", ["backup/restore.sh", "db-001-5", "--data-dir", dataDir], root, env);
        Assert.True(restore.ExitCode == 0, restore.Output);
        Assert.Equal(["00000000000000000100.snap", "00000000000000000100.xlog", "00000000000000000150.xlog"],
            Directory.GetFiles(dataDir).Select(Path.GetFileName).Order());
        Assert.True(File.Exists(Path.Combine(dataDir, "512", "0", "00000000000000000090.run")));

        File.AppendAllText(Path.Combine(full, "snap", "00000000000000000100.snap"), "corrupted");
        var broken = ShellTools.Run("bash", ["backup/verify-backup.sh", "db-001-5"], root, verifyEnv);
        Assert.NotEqual(0, broken.ExitCode);
        Assert.Contains("VERIFY FAIL", broken.Output);
    }

    [ToolFact("bash")]
    public void Archive_wal_ships_closed_xlogs_once_and_the_open_one_as_partial()
    {
        var root = ShellTools.WriteBundle(Render("replicated-prod", p => p with { StorageKind = StorageKinds.Nfs }));
        var fake = new FakeInstance(root);
        var store = Path.Combine(root, "store");
        var env = new Dictionary<string, string>
        {
            ["TT_BIN"] = fake.TtPath, ["STUB_ROOT"] = fake.Root, ["STUB_LOG"] = fake.Log,
            ["STATE_DIR"] = Path.Combine(root, "state"), ["STORAGE_KIND"] = "nfs", ["STORAGE_URI"] = $"file://{store}/{{instance}}",
        };

        var first = ShellTools.Run("bash", ["backup/archive-wal.sh", "db-001-3"], root, env);
        Assert.True(first.ExitCode == 0, first.Output);
        var wal = Path.Combine(store, "db-001-3", "wal");
        Assert.Equal(["00000000000000000050.xlog", "00000000000000000050.xlog.sha256", "00000000000000000100.xlog", "00000000000000000100.xlog.sha256"],
            Directory.GetFiles(wal).Select(Path.GetFileName).Order());
        Assert.Equal("00000000000000000200.xlog", File.ReadAllText(Path.Combine(wal, "partial", "current.name")).Trim());

        var second = ShellTools.Run("bash", ["backup/archive-wal.sh", "db-001-3"], root, env);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("archived", second.Output);
    }

    [Theory]
    [InlineData("passive-staging")]
    [InlineData("k8s-prod")]
    public void Scripts_default_to_the_shared_layout_of_the_deployment_form(string fixture)
    {
        var files = Render(fixture);
        var request = BackupFixtures.Context(fixture).Request;
        var lib = files.Single(f => f.Path == "backup/lib.sh").Content;
        Assert.Contains($"TT_CFG=\"${{TT_CFG:-{InstanceLayout.TtConfig(request.ClusterName)}}}\"", lib);
        Assert.Contains($"DATA_ROOT=\"${{DATA_ROOT:-{InstanceLayout.DataRoot(request, request.ClusterName)}}}\"", lib);
        Assert.Contains($"STATE_DIR=\"${{STATE_DIR:-{InstanceLayout.BackupStateDir}}}\"", lib);
        var restore = files.Single(f => f.Path == "backup/restore.sh").Content;
        Assert.DoesNotContain("tt start", restore);
        Assert.Contains(InstanceLayout.InContainers(request) ? "kubectl delete pod" : $"sudo systemctl start {InstanceLayout.Unit(request.ClusterName, "${INSTANCE}")}", restore);
    }
}
