using System.Text.RegularExpressions;
using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Tests.Expert.BackupRecovery;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>
/// Backups on every deployment form publish the freshness metric the backup alert reads (the node_exporter textfile
/// on hosts, the Pushgateway from the CronJobs), and a restore rehearsal never starts a full-size scratch instance
/// inside a production pod or on a host without the memory for it.
/// </summary>
public sealed partial class BackupSafetyTests
{
    [Fact]
    public async Task On_hosts_every_way_of_running_a_backup_writes_the_textfile_the_alert_reads()
    {
        var bundle = await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded);
        var metric = AlertMetric(bundle["monitoring/alerts.yml"]);
        Assert.Contains($"write_metric {metric} ", bundle["backup/backup.sh"], StringComparison.Ordinal);

        var file = TextfileDefault().Match(bundle["backup/lib.sh"]).Groups[1].Value;
        Assert.StartsWith("/var/lib/node_exporter/textfile_collector/", file, StringComparison.Ordinal);
        Assert.Contains($"\nMETRICS_FILE={file}\n", bundle["backup/crontab"], StringComparison.Ordinal);
        Assert.Contains($"METRICS_FILE={file}", bundle["deploy/ansible/backup.yml"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_kubernetes_every_backup_cronjob_pushes_to_the_pushgateway_and_the_rehearsal_only_checks_checksums()
    {
        var cronJobs = (await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.KubernetesElection))["deploy/kubernetes/backup-cronjob.yaml"];
        var documents = cronJobs.Split("\n---\n").Where(d => d.Contains("kind: CronJob", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.Contains("- name: PUSHGATEWAY\n", d, StringComparison.Ordinal));

        // One rehearsal per backup instance, each in its own Job with a scratch volume: checksums only.
        var verify = documents.Where(d => d.Contains("verify-backup.sh", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(verify);
        Assert.All(verify, v => Assert.Contains("- name: VERIFY_MODE\n                  value: checksums\n", v, StringComparison.Ordinal));
        Assert.DoesNotContain(documents.Except(verify), d => d.Contains("VERIFY_MODE", StringComparison.Ordinal));
    }

    [ToolFact("bash")]
    public void A_full_rehearsal_refuses_to_start_a_scratch_instance_without_the_memory_for_it()
    {
        var context = BackupFixtures.Context("multi-region-prod");
        var root = ShellTools.WriteBundle(BackupRecoveryPhase.Spec.Render(new BackupRecoveryExpert().Design(context), context));
        var fake = new FakeInstance(root);
        var started = Path.Combine(root, "tarantool-started");
        var tarantool = Path.Combine(root, "fake-tarantool");
        File.WriteAllText(tarantool, $"#!/usr/bin/env bash\ntouch '{started}'\nexit 1\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tarantool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var meminfo = Path.Combine(root, "meminfo");
        File.WriteAllText(meminfo, "MemTotal:       1024 kB\nMemAvailable:      1 kB\n");
        var env = new Dictionary<string, string>
        {
            ["TT_BIN"] = fake.TtPath,
            ["STUB_ROOT"] = fake.Root,
            ["STUB_LOG"] = fake.Log,
            ["STATE_DIR"] = Path.Combine(root, "state"),
            ["STORAGE_URI"] = $"file://{Path.Combine(root, "store")}/{{instance}}/",
            ["TARANTOOL_BIN"] = tarantool,
            ["METRICS_FILE"] = Path.Combine(root, "tarantool_backup.prom"),
            ["VERIFY_DIR"] = root,
            ["MEMINFO"] = meminfo,
        };
        var backup = ShellTools.Run("bash", ["backup/backup.sh", "db-001-5"], root, env);
        Assert.True(backup.ExitCode == 0, backup.Output);

        var verify = ShellTools.Run("bash", ["backup/verify-backup.sh", "db-001-5"], root, new Dictionary<string, string>(env) { ["VERIFY_MODE"] = "full" });
        Assert.NotEqual(0, verify.ExitCode);
        Assert.Contains("VERIFY FAIL", verify.Output, StringComparison.Ordinal);
        Assert.Contains("run it on a restore-test machine", verify.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(started), "the scratch instance was started");

        File.WriteAllText(meminfo, "MemAvailable:   67108864 kB\n");
        var roomy = ShellTools.Run("bash", ["backup/verify-backup.sh", "db-001-5"], root, new Dictionary<string, string>(env) { ["VERIFY_MODE"] = "full" });
        Assert.True(File.Exists(started), roomy.Output);
    }

    [Fact]
    public async Task The_guide_says_where_the_full_rehearsal_runs_on_each_form()
    {
        var k8s = (await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.KubernetesElection))["docs/backup-recovery.md"];
        Assert.Contains("runs with `VERIFY_MODE=checksums`", k8s, StringComparison.Ordinal);
        Assert.Contains("never starts a full-size scratch instance there", k8s, StringComparison.Ordinal);
        var vm = (await PlannedBundle.PlanAsync(SafeRestoreProcedureTests.VmManualSharded))["docs/backup-recovery.md"];
        Assert.Contains("free memory for twice the snapshot", vm, StringComparison.Ordinal);
    }

    private static string AlertMetric(string alerts)
    {
        var match = FreshnessAlert().Match(alerts);
        Assert.True(match.Success, "no backup freshness alert in alerts.yml");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"time\(\) - max by \(replicaset\) \((tarantool_backup_last_success_timestamp_seconds)\)")]
    private static partial Regex FreshnessAlert();

    [GeneratedRegex(@"METRICS_FILE=""\$\{METRICS_FILE:-([^}]*)\}""")]
    private static partial Regex TextfileDefault();
}
