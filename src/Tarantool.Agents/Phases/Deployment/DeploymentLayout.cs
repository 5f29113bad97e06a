using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>
/// Where things live: in the bundle (the backup phase's scripts, the containers phase's units, this phase's files) and
/// on the hosts. One place, so playbooks, scripts, units and docs agree on every path. The host layout is the shared
/// <see cref="InstanceLayout"/>: the bundle's <c>tarantool/</c> is both the tt environment and the application
/// (<c>instances_enabled: .</c>) and is installed as <c>/opt/tarantool/&lt;app&gt;</c> with data in its
/// <c>var/lib/&lt;instance&gt;</c>; the backup scripts go to <c>/opt/tarantool-backup</c>; secrets to
/// <c>/etc/tarantool/&lt;app&gt;/secrets.env</c>; instances run as the containers phase's systemd units.
/// </summary>
public static class DeploymentLayout
{
    /// <summary>The parent of the tt application directories on the hosts.</summary>
    public const string DefaultInstallDir = InstanceLayout.InstallRoot;

    /// <summary>Where the backup phase's scripts are installed on the hosts (its crontab expects them there) and in
    /// the image.</summary>
    public const string BackupToolsDir = InstanceLayout.BackupToolsDir;

    /// <summary>Where the backup scripts keep their lock files (backup/lib.sh <c>STATE_DIR</c>).</summary>
    public const string BackupStateDir = InstanceLayout.BackupStateDir;

    /// <summary>Where this phase's scripts (health check, backup job wrapper) are installed on the hosts.</summary>
    public const string OpsToolsDir = "/opt/tarantool-deploy";

    /// <summary>node_exporter's textfile collector directory, as the monitoring phase configures it.</summary>
    public const string BackupMetricsDir = Monitoring.MonitoringExpectations.TextfileDirectory;

    /// <summary>The textfile the backup scripts write their freshness metric to (monitoring alerts on it).</summary>
    public const string BackupMetricsFile = BackupRecovery.BackupScriptsRenderer.BackupMetricsFile;

    public const string BackupScript = "backup/backup.sh";
    public const string ArchiveWalScript = "backup/archive-wal.sh";
    public const string VerifyBackupScript = "backup/verify-backup.sh";
    public const string RestoreScript = "backup/restore.sh";

    public const string AnsibleDir = "deploy/ansible";
    public const string ScriptsDir = "deploy/scripts";
    public const string SystemdDir = "deploy/systemd";
    public const string KubernetesDir = "deploy/kubernetes";
    public const string CiDir = "deploy/ci";

    public const string BackupService = "tarantool-backup.service";
    public const string BackupTimer = "tarantool-backup.timer";
    public const string WalArchiveService = "tarantool-wal-archive.service";
    public const string WalArchiveTimer = "tarantool-wal-archive.timer";
    public const string VerifyService = "tarantool-backup-verify.service";
    public const string VerifyTimer = "tarantool-backup-verify.timer";

    /// <summary>The systemd template unit that runs one instance (<c>tarantool-orders@.service</c>); the containers
    /// phase renders it under <c>systemd/</c> and this phase only installs it.</summary>
    public static string InstanceUnit(string app) => InstanceLayout.UnitTemplate(app);

    /// <summary>The systemd target that starts a host's enabled instances at boot.</summary>
    public static string InstanceTarget(string app) => InstanceLayout.UnitTarget(app);

    /// <summary>The bundle path of a file of the containers phase's <c>systemd/</c> folder.</summary>
    public static string BundleUnit(string unit) => $"{InstanceLayout.SystemdBundleDir}/{unit}";

    public static string InstanceService(string app, string instance) => InstanceLayout.Unit(app, instance);

    /// <summary>The host file with the secrets Tarantool reads (mode 0640), written from ansible-vault.</summary>
    public static string SecretsFile(string app) => InstanceLayout.SecretsFile(app);

    /// <summary>The host file with the backup job settings (instances to back up, retention, metrics file).</summary>
    public static string BackupEnvFile(string app) => $"{InstanceLayout.EtcDirectory(app)}/backup.env";

    /// <summary>The application directory, which is also the tt environment.</summary>
    public static string AppDir(string installDir, string app) => $"{installDir}/{app}";

    public static string TtConfig(string installDir, string app) => $"{AppDir(installDir, app)}/tt.yaml";

    /// <summary>The parent of the instances' data directories on a host, where the data disk is mounted.</summary>
    public static string DataRoot(string installDir, string app) => $"{AppDir(installDir, app)}/{InstanceLayout.VmDataSubdirectory}";

    /// <summary>Snapshots and WAL of an instance (tt.yaml: <c>wal_dir</c>/<c>memtx_dir</c> = var/lib).</summary>
    public static string DataDir(string installDir, string app, string instance) => $"{DataRoot(installDir, app)}/{instance}";

    public static string RunDir(string installDir, string app) => $"{AppDir(installDir, app)}/var/run";
}
