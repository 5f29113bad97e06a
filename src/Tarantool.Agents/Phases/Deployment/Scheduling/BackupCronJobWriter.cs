using System.Globalization;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Deployment.Scheduling;

/// <summary>
/// Writes <c>deploy/kubernetes/backup-cronjob.yaml</c> and the image its Jobs run. Backups run in their own pods, from
/// their own image (<see cref="DockerfilePath"/>: the backup phase's scripts, tt, tarantool and the storage client —
/// none of which the database image carries) under their own service account, bound to the cloud's workload identity
/// (<see cref="BackupIdentity"/>). Each backup instance gets its own CronJobs, whose pods run on that instance's node
/// (required pod affinity on its pod name) and mount its data volume read-only: a ReadWriteOnce volume is usable by
/// every pod of its node, and the instance's control socket lives in its data directory
/// (<see cref="InstanceLayout.ContainerConsoleSocket"/>), so box.backup.start() and the file copies need neither
/// <c>kubectl exec</c> nor any Kubernetes API access. Every pod meets the restricted Pod Security level.
/// </summary>
internal sealed class BackupCronJobWriter
{
    /// <summary>The backup image's Dockerfile, built from the bundle root like the database image.</summary>
    public const string DockerfilePath = $"{DeploymentLayout.KubernetesDir}/backup.Dockerfile";

    /// <summary>The container of every backup pod.</summary>
    public const string ContainerName = "backup";

    /// <summary>The uid/gid of the image's tarantool user: the owner of the data volumes.</summary>
    public const int RunAsUser = 1000;

    /// <summary>The backup image this bundle builds, e.g. <c>orders-backup:3.7</c>.</summary>
    public static string Image(string ns, string version) => $"{ns}-backup:{version}";

    /// <summary>The CronJob of one kind (backup, wal-archive, backup-verify) for one instance; CronJob names stop at 52 characters.</summary>
    public static string CronJobName(string ns, string kind, string instance)
    {
        var name = $"{ns}-{kind}-{instance}";
        return name.Length <= 52 ? name : $"{ns[..Math.Max(1, ns.Length - (name.Length - 52))].TrimEnd('-')}-{kind}-{instance}";
    }

    public string Write(DeploymentPlan plan, PhaseContext context)
    {
        var schedule = plan.BackupSchedule;
        var ns = PlatformNaming.Namespace(plan.AppName);
        var backup = context.Find<BackupPlan>();
        var kind = backup?.StorageKind ?? StorageKinds.AllowedFor(context.Request.CloudProvider)[0];
        var uri = backup?.StorageUri ?? StorageKinds.ExampleUri(kind);
        var identity = BackupIdentity.For(context.Request, ns, kind, uri);
        var image = Image(ns, plan.TarantoolVersion);
        var scratchGib = ScratchGib(context.Find<CapacityPlan>());

        var header = new List<string>();
        header.AddRange(Wrap(
            $"Backup Jobs of {ns}: each runs the backup phase's scripts in the image of {DockerfilePath} ({image}; build it from the bundle root: " +
            $"docker build -f {DockerfilePath} -t {image} .), on the node of the instance it backs up, with that instance's data volume mounted " +
            $"read-only (the instance's control socket is in its data directory), under the service account {BackupIdentity.ServiceAccount(ns)}: {identity.Mechanism}."));
        header.AddRange(Wrap("Storage permissions it needs: " + identity.Permissions + ". Set them up with:"));
        header.AddRange(identity.SetupCommands.Select(c => "  " + c));
        var placeholders = identity.Inputs.Where(i => i.InManifest).ToList();
        header.AddRange(Wrap(placeholders.Count == 0
            ? $"Nothing below needs filling in; deploy/scripts/deploy.sh applies it (or: kubectl apply -n {ns} -f backup-cronjob.yaml)."
            : $"Replace {string.Join(", ", placeholders.Select(i => $"{i.Name} ({i.Meaning}: {i.LookUp})"))} below as docs/setup.md says; " +
              $"deploy/scripts/deploy.sh refuses to apply this file while a placeholder remains (or: kubectl apply -n {ns} -f backup-cronjob.yaml)."));
        header.AddRange(Wrap("A Job holds the instance's volume on its node while it runs: an instance pod rescheduled to another node meanwhile " +
            "waits for the Job to end (activeDeadlineSeconds bounds it; kubectl delete job ends it at once)."));

        var documents = new List<string> { Emit(ServiceAccount(ns, identity), [.. header]) };
        if (kind == StorageKinds.Nfs) documents.Add(Emit(ShareClaim(ns), $"The NFS backup share: bind this claim to a PersistentVolume of your export (ReadWriteMany)."));
        foreach (var instance in schedule.BackupInstances)
        {
            var job = new BackupJob(ns, plan.AppName, instance, image, identity, kind, uri);
            documents.Add(Emit(CronJob(job, "backup", schedule.FullBackupCron, DeploymentLayout.BackupScript, 21600, schedule.RetentionDays, [])));
            if (schedule.WalArchiveIntervalSeconds > 0)
                documents.Add(Emit(CronJob(job, "wal-archive", WalCron(schedule.WalArchiveIntervalSeconds), DeploymentLayout.ArchiveWalScript, 900, schedule.RetentionDays, [])));
            // The rehearsal downloads the backup into a volume of its own sized for it, and checks checksums and xlog
            // readability; a full-size scratch instance would need the memory of a production instance.
            documents.Add(Emit(CronJob(job, "backup-verify", schedule.VerificationCron, DeploymentLayout.VerifyBackupScript, 21600, schedule.RetentionDays,
                [("VERIFY_MODE", "checksums"), ("VERIFY_DIR", ScratchMount)], scratchGib)));
        }
        return string.Join("---\n", documents);
    }

    /// <summary>Comment lines of at most 116 characters (yamllint's line length).</summary>
    private static IEnumerable<string> Wrap(string text)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > 116)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    /// <summary>Where a verification Job downloads a backup (an ephemeral volume sized for one backup).</summary>
    public const string ScratchMount = "/var/tmp/verify";

    /// <summary>
    /// The Job <c>deploy/scripts/backup-run.sh</c> applies to run a backup script by hand (a restore, a rehearsal, a
    /// backup now) in the same pod as the CronJobs'. <c>@@JOB@@</c>, <c>@@INSTANCE@@</c>, <c>@@SCRIPT@@</c> and
    /// <c>@@ARGS@@</c> are filled in by the script; it turns <c>readOnly: true</c> to false for a restore into the volume.
    /// </summary>
    public static string RunJobTemplate(DeploymentPlan plan, PhaseContext context)
    {
        var ns = PlatformNaming.Namespace(plan.AppName);
        var backup = context.Find<BackupPlan>();
        var kind = backup?.StorageKind ?? StorageKinds.AllowedFor(context.Request.CloudProvider)[0];
        var uri = backup?.StorageUri ?? StorageKinds.ExampleUri(kind);
        var job = new BackupJob(ns, plan.AppName, "@@INSTANCE@@", Image(ns, plan.TarantoolVersion), BackupIdentity.For(context.Request, ns, kind, uri), kind, uri);
        var template = PodTemplate(job, "backup-run", "", plan.BackupSchedule.RetentionDays,
            [("VERIFY_DIR", ScratchMount)], ScratchGib(context.Find<CapacityPlan>()), $"exec {DeploymentLayout.BackupToolsDir}/@@SCRIPT@@ @@ARGS@@");
        return Emit(Map(
            ("apiVersion", Str("batch/v1")),
            ("kind", Str("Job")),
            ("metadata", Map(("name", Str("@@JOB@@")), ("labels", Labels(ns, "backup-run")), ("annotations", Map(("tarantool.io/backup-instance", Str("@@INSTANCE@@")))))),
            ("spec", Map(
                ("backoffLimit", Int(0)),
                ("activeDeadlineSeconds", Int(43200)),
                ("ttlSecondsAfterFinished", Int(86400)),
                ("template", template)))));
    }

    /// <summary>Cron cannot go below a minute: WAL shipping runs every max(1, interval/60) minutes.</summary>
    public static string WalCron(int seconds)
    {
        var minutes = Math.Clamp(seconds / 60, 1, 59);
        return minutes == 1 ? "* * * * *" : $"*/{minutes.ToString(CultureInfo.InvariantCulture)} * * * *";
    }

    /// <summary>The Dockerfile of the backup image: the official Tarantool image (tt, tarantool for tt cat and the
    /// rehearsal) with the backup scripts and the storage client, run as the tarantool user.</summary>
    public static string Dockerfile(DeploymentPlan plan, PhaseContext context)
    {
        var ns = PlatformNaming.Namespace(plan.AppName);
        var kind = context.Find<BackupPlan>()?.StorageKind ?? StorageKinds.AllowedFor(context.Request.CloudProvider)[0];
        var enterprise = context.Request.Edition == Requests.Edition.Enterprise;
        var text = new System.Text.StringBuilder();
        text.Append("# syntax=docker/dockerfile:1\n");
        text.Append($"# The backup image of {plan.AppName}: the backup phase's scripts (backup/), tt and tarantool, and the {kind} client\n");
        text.Append("# they call. The database image carries no storage client and no cloud credentials: backups run in their own pods\n");
        text.Append($"# (backup-cronjob.yaml) under their own service account. Build it from the bundle root:\n");
        text.Append($"#   docker build -f {DockerfilePath} -t {Image(ns, plan.TarantoolVersion)} .\n");
        if (enterprise)
        {
            text.Append("# Enterprise Edition: build from the same image as containers/Dockerfile (TARANTOOL_EE_IMAGE), so tt cat reads its xlogs.\n");
            text.Append("ARG TARANTOOL_EE_IMAGE\nFROM ${TARANTOOL_EE_IMAGE}\n");
        }
        else
        {
            text.Append($"ARG TARANTOOL_TAG={plan.TarantoolVersion}\nFROM tarantool/tarantool:${{TARANTOOL_TAG}}\n");
        }
        text.Append($"RUN test \"$(id -u tarantool):$(id -g tarantool)\" = \"{RunAsUser}:{RunAsUser}\"\n");
        var steps = Containers.DockerfileRenderer.StorageClientSteps(kind);
        if (steps.Count > 0)
        {
            text.Append($"# The {kind} client ({Containers.DockerfileRenderer.StorageClient(kind)}), from its vendor's documented source.\n");
            text.Append("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
            text.Append("RUN " + string.Join(" \\\n && ", steps) + "\n");
        }
        text.Append($"COPY --chmod=0755 backup/ {DeploymentLayout.BackupToolsDir}/\n");
        text.Append($"RUN mkdir -p {DeploymentLayout.BackupStateDir} && chown {RunAsUser}:{RunAsUser} {DeploymentLayout.BackupStateDir}\n");
        text.Append($"USER {RunAsUser}:{RunAsUser}\n");
        text.Append($"WORKDIR {DeploymentLayout.BackupToolsDir}\n");
        text.Append("ENTRYPOINT []\n");
        return text.ToString();
    }

    /// <summary>One backup instance's Jobs: what they share.</summary>
    private sealed record BackupJob(string Ns, string App, string Instance, string Image, BackupIdentity Identity, string Kind, string Uri);

    private static YamlMappingNode ServiceAccount(string ns, BackupIdentity identity) => Map(
        ("apiVersion", Str("v1")),
        ("kind", Str("ServiceAccount")),
        ("metadata", Map(
            ("name", Str(BackupIdentity.ServiceAccount(ns))),
            ("labels", Labels(ns, "backup")),
            ("annotations", identity.Annotations.Count == 0 ? null : Pairs(identity.Annotations)))),
        // The Jobs call no Kubernetes API: no token is mounted (the cloud identity webhooks project their own).
        ("automountServiceAccountToken", Bool(false)));

    private static YamlMappingNode ShareClaim(string ns) => Map(
        ("apiVersion", Str("v1")),
        ("kind", Str("PersistentVolumeClaim")),
        ("metadata", Map(("name", Str(BackupIdentity.ShareClaim(ns))), ("labels", Labels(ns, "backup")))),
        ("spec", Map(
            ("accessModes", Seq(Str("ReadWriteMany"))),
            ("storageClassName", Str("")),
            ("volumeName", Str("NFS_PERSISTENT_VOLUME")),
            ("resources", Map(("requests", Map(("storage", Str("1Ti")))))))));

    private static YamlMappingNode CronJob(BackupJob job, string kind, string cron, string script, int deadlineSeconds, int retentionDays,
        IReadOnlyList<(string Name, string Value)> extraEnv, int scratchGib = 0) => Map(
        ("apiVersion", Str("batch/v1")),
        ("kind", Str("CronJob")),
        ("metadata", Map(
            ("name", Str(CronJobName(job.Ns, kind, job.Instance))),
            ("labels", Labels(job.Ns, kind)),
            ("annotations", Map(("tarantool.io/retention-days", Str(retentionDays.ToString(CultureInfo.InvariantCulture))), ("tarantool.io/backup-instance", Str(job.Instance)))))),
        ("spec", Map(
            ("schedule", Str(cron)),
            ("timeZone", Str("Etc/UTC")),
            ("concurrencyPolicy", Str("Forbid")),
            ("startingDeadlineSeconds", Int(3600)),
            ("successfulJobsHistoryLimit", Int(3)),
            ("failedJobsHistoryLimit", Int(3)),
            ("jobTemplate", Map(("spec", Map(
                ("backoffLimit", Int(1)),
                ("activeDeadlineSeconds", Int(deadlineSeconds)),
                ("template", PodTemplate(job, kind, script, retentionDays, extraEnv, scratchGib)))))))));

    /// <summary>The pod of a backup Job: restricted Pod Security, the backup service account, on the instance's node
    /// with its data volume read-only.</summary>
    private static YamlMappingNode PodTemplate(BackupJob job, string kind, string script, int retentionDays, IReadOnlyList<(string Name, string Value)> extraEnv, int scratchGib, string? shellCommand = null)
    {
        var labels = Labels(job.Ns, kind);
        foreach (var (key, value) in job.Identity.PodLabels) labels.Add(key, Str(value));
        var env = new List<(string Name, string Value)>
        {
            ("TT_APP", job.App),
            ("RETENTION_DAYS", retentionDays.ToString(CultureInfo.InvariantCulture)),
            ("PUSHGATEWAY", Monitoring.MonitoringExpectations.Pushgateway),
            ("DATA_ROOT", InstanceLayout.ContainerDataRoot),
            ("CONSOLE_IN_DATA_DIR", "1"),
            ("HOME", "/tmp"),
        };
        env.AddRange(extraEnv);
        var command = $"{DeploymentLayout.BackupToolsDir}/{Path.GetFileName(script)}";
        var container = Map(
            ("name", Str(ContainerName)),
            ("image", Str(job.Image)),
            ("imagePullPolicy", Str("IfNotPresent")),
            ("command", shellCommand is not null
                ? Seq(Str("bash"), Str("-c"), Str(job.Identity.LoginCommand.Length == 0 ? shellCommand : $"{job.Identity.LoginCommand} && {shellCommand}"))
                : job.Identity.LoginCommand.Length == 0
                ? Seq(Str(command), Str(job.Instance))
                : Seq(Str("bash"), Str("-c"), Str($"{job.Identity.LoginCommand} && exec {command} \"$0\" \"$@\""), Str(job.Instance))),
            ("env", Seq(env.Select(e => (YamlNode)Map(("name", Str(e.Name)), ("value", Str(e.Value)))))),
            ("envFrom", job.Identity.CredentialsSecret.Length == 0 ? null : Seq(Map(("secretRef", Map(("name", Str(job.Identity.CredentialsSecret))))))),
            ("resources", Map(
                ("requests", Map(("cpu", Str("100m")), ("memory", Str("256Mi")))),
                ("limits", Map(("memory", Str("1Gi")))))),
            ("volumeMounts", Seq(Mounts(job, scratchGib > 0))),
            ("securityContext", RestrictedContainer()));
        var volumes = new List<YamlNode>
        {
            Map(("name", Str("data")), ("persistentVolumeClaim", Map(("claimName", Str(InstanceLayout.DataVolumeClaim(job.Instance))), ("readOnly", Bool(true))))),
            Map(("name", Str("tmp")), ("emptyDir", Map())),
            Map(("name", Str("state")), ("emptyDir", Map())),
        };
        if (job.Kind == StorageKinds.Nfs)
            volumes.Add(Map(("name", Str("share")), ("persistentVolumeClaim", Map(("claimName", Str(BackupIdentity.ShareClaim(job.Ns)))))));
        if (scratchGib > 0)
            volumes.Add(Map(("name", Str("scratch")), ("ephemeral", Map(("volumeClaimTemplate", Map(("spec", Map(
                ("accessModes", Seq(Str("ReadWriteOnce"))),
                ("resources", Map(("requests", Map(("storage", Str($"{scratchGib.ToString(CultureInfo.InvariantCulture)}Gi"))))))))))))));
        return Map(
            ("metadata", Map(("labels", labels))),
            ("spec", Map(
                ("serviceAccountName", Str(BackupIdentity.ServiceAccount(job.Ns))),
                ("automountServiceAccountToken", Bool(false)),
                ("restartPolicy", Str("Never")),
                ("securityContext", Map(
                    ("runAsNonRoot", Bool(true)),
                    ("runAsUser", Int(RunAsUser)),
                    ("runAsGroup", Int(RunAsUser)),
                    ("fsGroup", Int(RunAsUser)),
                    ("fsGroupChangePolicy", Str("OnRootMismatch")),
                    ("seccompProfile", Map(("type", Str("RuntimeDefault")))))),
                // The instance's volume is ReadWriteOnce: only a pod on the instance's node can mount it.
                ("affinity", Map(("podAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", Seq(Map(
                    ("labelSelector", Map(("matchLabels", Map((KubernetesLabels.PodName, Str(job.Instance)))))),
                    ("topologyKey", Str("kubernetes.io/hostname"))))))))),
                ("containers", Seq(container)),
                ("volumes", Seq(volumes)))));
    }

    private static IEnumerable<YamlNode> Mounts(BackupJob job, bool scratch)
    {
        yield return Map(("name", Str("data")), ("mountPath", Str(InstanceLayout.ContainerDataRoot)), ("readOnly", Bool(true)));
        yield return Map(("name", Str("tmp")), ("mountPath", Str("/tmp")));
        yield return Map(("name", Str("state")), ("mountPath", Str(DeploymentLayout.BackupStateDir)));
        if (job.Kind == StorageKinds.Nfs) yield return Map(("name", Str("share")), ("mountPath", Str(ShareMountPath(job.Uri))));
        if (scratch) yield return Map(("name", Str("scratch")), ("mountPath", Str(ScratchMount)));
    }

    /// <summary>The NFS share's mount point: the storage URI's directory above the per-instance part.</summary>
    private static string ShareMountPath(string uri)
    {
        var path = uri.StartsWith("file://", StringComparison.Ordinal) ? uri["file://".Length..] : uri;
        var brace = path.IndexOf('{');
        if (brace >= 0) path = path[..brace];
        return path.TrimEnd('/') is { Length: > 0 } trimmed ? trimmed : "/mnt/tarantool-backups";
    }

    /// <summary>What the restricted level asks of every container (the same as the database pods').</summary>
    private static YamlMappingNode RestrictedContainer() => StatefulSetBuilder.RestrictedContainer();

    /// <summary>Room for one downloaded backup: snapshot plus WAL with a fifth spare, at least 10 GiB.</summary>
    private static int ScratchGib(CapacityPlan? capacity) =>
        capacity is null ? 50 : Math.Max(10, (int)Math.Ceiling((capacity.SnapshotSizeGb + capacity.WalSizeGb) * 1.2));

    private static YamlMappingNode Pairs(IEnumerable<(string Key, string Value)> pairs)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in pairs) map.Add(key, Str(value));
        return map;
    }

    private static YamlMappingNode Labels(string app, string component) => Map(
        ("app.kubernetes.io/name", Str("tarantool")),
        ("app.kubernetes.io/instance", Str(app)),
        ("app.kubernetes.io/component", Str(component)));
}
