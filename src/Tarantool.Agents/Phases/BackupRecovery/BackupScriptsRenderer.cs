using System.Text;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.BackupRecovery.Scripts;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>
/// Writes the backup tooling under <c>backup/</c>: a shared <c>lib.sh</c>, <c>backup.sh</c>, <c>archive-wal.sh</c>,
/// <c>verify-backup.sh</c>, <c>restore.sh</c> and a <c>crontab</c> (cron.d format) scheduling them on the hosts
/// of the backup sources. Everything the scripts need from the plan is baked in as overridable defaults.
/// </summary>
public sealed class BackupScriptsRenderer : IArtifactRenderer<BackupPlan>
{
    /// <summary>memtx.memory of a scratch instance when the capacity plan is not available.</summary>
    public const long DefaultScratchMemtxMemoryBytes = 268_435_456;

    /// <summary>Interval baked into archive-wal.sh when the plan does not archive (for manual use only).</summary>
    public const int FallbackArchiveIntervalSeconds = 300;

    /// <summary>The node_exporter textfile the scripts write the backup freshness metric to on hosts.</summary>
    public const string BackupMetricsFile = Monitoring.MonitoringExpectations.TextfileDirectory + "/tarantool_backup.prom";

    public IEnumerable<BundleFile> Render(BackupPlan plan, PhaseContext context)
    {
        var values = Placeholders(plan, context);
        yield return Script("backup/lib.sh", BackupLibScript.Template, values);
        yield return Script("backup/backup.sh", BackupScript.Template, values);
        yield return Script("backup/archive-wal.sh", ArchiveWalScript.Template, values);
        yield return Script("backup/verify-backup.sh", VerifyBackupScript.Template, values);
        yield return Script("backup/restore.sh", RestoreScript.Template, values);
        // cron.d on the hosts is a VM schedule; on Kubernetes the deployment phase's CronJobs are the schedule, and a
        // crontab naming hosts would be a second, wrong way to run the same jobs.
        if (!InstanceLayout.InContainers(context.Request))
            yield return new BundleFile("backup/crontab", "crontab", Crontab(plan, context));
    }

    private static BundleFile Script(string path, string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (key, value) in values) text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        return new BundleFile(path, "shell-script", text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n") { Executable = true };
    }

    private static Dictionary<string, string> Placeholders(BackupPlan plan, PhaseContext context)
    {
        var sources = Sources(context);
        var fullPeriod = CronSchedule.MaxPeriodSeconds(plan.FullBackupCron) ?? 86400;
        var memtx = context.Find<CapacityPlan>()?.MemtxMemoryBytes is > 0 and var m ? m : DefaultScratchMemtxMemoryBytes;
        return new Dictionary<string, string>
        {
            ["CLUSTER"] = ShellSafe(context.Request.ClusterName),
            ["TT_CFG"] = ShellSafe(InstanceLayout.TtConfig(context.Request.ClusterName)),
            ["STATE_DIR"] = InstanceLayout.BackupStateDir,
            ["DATA_ROOT"] = ShellSafe(InstanceLayout.DataRoot(context.Request, context.Request.ClusterName)),
            ["CONSOLE_IN_DATA_DIR"] = InstanceLayout.ConsoleInDataDirectory(context.Request) ? "1" : "0",
            ["DEPLOYMENT_FORM"] = InstanceLayout.InContainers(context.Request) ? "the data volume of each pod" : "the tt environment's var/lib on each host",
            ["START_EXAMPLE"] = StartCommand(context, "INSTANCE"),
            ["START_HINT"] = "start it: " + StartCommand(context, "${INSTANCE}"),
            ["KIND"] = ShellSafe(plan.StorageKind),
            ["URI"] = ShellSafe(plan.StorageUri),
            ["RETENTION"] = Figures.Integer(plan.RetentionDays),
            ["ARCHIVE_INTERVAL"] = Figures.Integer(plan.ContinuousWalArchival ? plan.WalArchiveIntervalSeconds : FallbackArchiveIntervalSeconds),
            ["CREDENTIALS"] = CredentialsNote(plan.StorageKind),
            ["SOURCES"] = sources.Count == 0
                ? "  # no topology was available: add \"replicaset instance host\" entries"
                : string.Join("\n", sources.Select(s => $"  \"{s.Replicaset} {s.Instance} {s.Host}\"")),
            ["EXAMPLE_INSTANCE"] = sources.Count == 0 ? "INSTANCE" : sources[0].Instance,
            ["SCHEDULE_NOTE"] = $"scheduled by cron '{plan.FullBackupCron}' UTC",
            ["VERIFY_NOTE"] = $"scheduled by cron '{plan.VerificationCron}' UTC",
            ["MAX_AGE_HOURS"] = Figures.Integer((2 * fullPeriod + 3599) / 3600),
            ["VERIFY_MEMTX_MEMORY"] = Figures.Integer(memtx),
            // On hosts every run (timer, cron or by hand) reports to node_exporter's textfile collector, which the
            // backup freshness alert reads; in pods the CronJobs push to the Pushgateway instead.
            ["METRICS_FILE"] = InstanceLayout.InContainers(context.Request) ? "" : BackupMetricsFile,
        };
    }

    /// <summary>How an instance is started on the deployment form: its systemd unit on a host, its pod on Kubernetes.</summary>
    private static string StartCommand(PhaseContext context, string instance) =>
        InstanceLayout.InContainers(context.Request)
            ? $"delete its pod (kubectl delete pod {instance}); the StatefulSet recreates it"
            : $"sudo systemctl start {InstanceLayout.Unit(context.Request.ClusterName, instance)}";

    /// <summary>The designated backup source of every data replicaset, from the topology when available.</summary>
    internal static IReadOnlyList<(string Replicaset, string Instance, string Host)> Sources(PhaseContext context)
    {
        var topology = context.Find<ClusterTopology>();
        if (topology is null) return [];
        return [.. TopologyFacts.DataReplicasets(topology)
            .Where(r => r.Instances.Count > 0)
            .Select(r => (r.Name, TopologyFacts.BackupSourceOf(r).Name, TopologyFacts.BackupSourceOf(r).Host))];
    }

    private static string Crontab(BackupPlan plan, PhaseContext context)
    {
        var text = new StringBuilder();
        text.Append("# cron.d schedule of the Tarantool backups of cluster ").Append(context.Request.ClusterName).Append(".\n");
        text.Append("# Install as /etc/cron.d/tarantool-backup on the host of each backup source, keeping only its lines;\n");
        text.Append($"# the scripts live in {InstanceLayout.BackupToolsDir} (copy backup/ there). Times are UTC.\n");
        text.Append("CRON_TZ=UTC\nSHELL=/bin/bash\nPATH=/usr/local/bin:/usr/bin:/bin\n");
        text.Append("# The backup freshness alert reads this node_exporter textfile (--collector.textfile.directory).\n");
        text.Append("METRICS_FILE=").Append(BackupMetricsFile).Append('\n');
        foreach (var (replicaset, instance, host) in Sources(context))
        {
            text.Append('\n').Append("# ").Append(replicaset).Append(": ").Append(instance).Append(" on ").Append(host).Append('\n');
            text.Append(plan.FullBackupCron).Append($" tarantool {InstanceLayout.BackupToolsDir}/backup.sh ").Append(instance).Append('\n');
            text.Append(plan.VerificationCron).Append($" tarantool {InstanceLayout.BackupToolsDir}/verify-backup.sh ").Append(instance).Append('\n');
            if (plan.ContinuousWalArchival)
                text.Append(plan.WalArchiveIntervalSeconds <= 60 ? "* * * * *" : $"*/{Math.Max(1, plan.WalArchiveIntervalSeconds / 60)} * * * *")
                    .Append($" tarantool {InstanceLayout.BackupToolsDir}/archive-wal.sh ").Append(instance).Append('\n');
        }
        if (plan.ContinuousWalArchival && plan.WalArchiveIntervalSeconds < 60)
            text.Append("\n# The archive interval is below cron's one minute: run archive-wal.sh INSTANCE --loop as a systemd service instead.\n");
        return text.ToString();
    }

    private static string CredentialsNote(string kind) => kind switch
    {
        StorageKinds.S3 => "aws takes credentials from the instance profile / IAM role (IRSA on Kubernetes) or AWS_* variables; set S3_ENDPOINT_URL for an S3-compatible store.",
        StorageKinds.AzureBlob => "az uses the managed identity (az login --identity, AZURE_AUTH_MODE=login) or AZURE_STORAGE_CONNECTION_STRING with AZURE_AUTH_MODE=key.",
        StorageKinds.Gcs => "gcloud uses the VM or workload-identity service account, or GOOGLE_APPLICATION_CREDENTIALS.",
        _ => "the NFS share is mounted by the host (fstab or a systemd mount unit); access is by file permissions.",
    };

    /// <summary>Values land inside double-quoted bash strings: keep them free of quotes, dollars and backticks.</summary>
    private static string ShellSafe(string value) =>
        new([.. value.Where(c => c is not ('"' or '\'' or '$' or '`' or '\\' or '\n' or '\r'))]);
}
