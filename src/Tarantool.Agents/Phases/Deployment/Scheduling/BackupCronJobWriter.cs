using System.Globalization;
using System.Text;

namespace Tarantool.Agents.Phases.Deployment.Scheduling;

/// <summary>
/// Writes <c>deploy/kubernetes/backup-cronjob.yaml</c>: a ServiceAccount allowed to exec into the cluster's pods, and
/// CronJobs (UTC) that run the backup phase's scripts inside the pod of each backup instance — the full backup on the
/// backup plan's cron with its retention, WAL shipping when the plan archives WAL, and the restore rehearsal. The
/// containers phase's image carries the scripts at <see cref="DeploymentLayout.BackupToolsDir"/> and the storage
/// client; <c>kubectl exec</c> starts in the image's working directory, the application's tt environment, so the
/// scripts' <c>tt connect</c> finds the instance. Each backup instance gets its own container, so replicasets are
/// backed up in parallel and fail independently.
/// </summary>
internal sealed class BackupCronJobWriter
{
    public const string KubectlImage = "registry.k8s.io/kubectl:v1.33.5";

    public string Write(DeploymentPlan plan)
    {
        var schedule = plan.BackupSchedule;
        var name = Containers.PlatformNaming.Namespace(plan.AppName);
        var text = new StringBuilder();
        text.Append($"""
            # Backup CronJobs of {name}: kubectl exec runs the backup phase's scripts inside each backup instance's pod
            # (pod name = instance name); the image of containers/Dockerfile carries backup/ as {DeploymentLayout.BackupToolsDir}
            # and the storage client. Apply into the cluster's namespace: kubectl apply -n {name} -f backup-cronjob.yaml
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: {name}-backup
              labels:
            {Labels(name, 4)}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata:
              name: {name}-backup
              labels:
            {Labels(name, 4)}
            rules:
              - apiGroups: [""]
                resources: ["pods"]
                verbs: ["get", "list"]
              - apiGroups: [""]
                resources: ["pods/exec"]
                verbs: ["create"]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata:
              name: {name}-backup
              labels:
            {Labels(name, 4)}
            roleRef:
              apiGroup: rbac.authorization.k8s.io
              kind: Role
              name: {name}-backup
            subjects:
              - kind: ServiceAccount
                name: {name}-backup

            """);
        text.Append(CronJob(plan, $"{name}-backup", schedule.FullBackupCron, DeploymentLayout.BackupScript, "backup", 21600));
        if (schedule.WalArchiveIntervalSeconds > 0)
            text.Append(CronJob(plan, $"{name}-wal-archive", WalCron(schedule.WalArchiveIntervalSeconds), DeploymentLayout.ArchiveWalScript, "wal-archive", 900));
        // The rehearsal runs in the backup instance's production pod, whose memory limit is sized for that instance
        // alone: it checks checksums and xlog readability there and never starts a full-size scratch instance.
        text.Append(CronJob(plan, $"{name}-backup-verify", schedule.VerificationCron, DeploymentLayout.VerifyBackupScript, "backup-verify", 21600, "VERIFY_MODE=checksums"));
        return text.ToString();
    }

    /// <summary>Cron cannot go below a minute: WAL shipping runs every max(1, interval/60) minutes.</summary>
    public static string WalCron(int seconds)
    {
        var minutes = Math.Clamp(seconds / 60, 1, 59);
        return minutes == 1 ? "* * * * *" : $"*/{minutes.ToString(CultureInfo.InvariantCulture)} * * * *";
    }

    private static string CronJob(DeploymentPlan plan, string jobName, string cron, string script, string component, int deadlineSeconds, string? extraEnv = null)
    {
        var schedule = plan.BackupSchedule;
        var app = Containers.PlatformNaming.Namespace(plan.AppName);
        var text = new StringBuilder();
        text.Append($"""
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: {jobName}
              labels:
            {Labels(app, 4, component)}
              annotations:
                tarantool.io/retention-days: "{schedule.RetentionDays.ToString(CultureInfo.InvariantCulture)}"
            spec:
              schedule: "{cron}"
              timeZone: "Etc/UTC"
              concurrencyPolicy: Forbid
              startingDeadlineSeconds: 3600
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 3
              jobTemplate:
                spec:
                  backoffLimit: 1
                  activeDeadlineSeconds: {deadlineSeconds.ToString(CultureInfo.InvariantCulture)}
                  template:
                    metadata:
                      labels:
            {Labels(app, 12, component)}
                    spec:
                      serviceAccountName: {app}-backup
                      restartPolicy: Never
                      volumes:
                        - name: tmp
                          emptyDir: {"{}"}
                      containers:

            """);
        foreach (var instance in schedule.BackupInstances)
            text.Append($"""
                            - name: {instance}
                              image: {KubectlImage}
                              command: ["kubectl"]
                              args:
                                - exec
                                - {instance}
                                - --container={Containers.StatefulSetBuilder.ContainerName}
                                - --
                                - env
                                - TT_APP={plan.AppName}
                                - RETENTION_DAYS={schedule.RetentionDays.ToString(CultureInfo.InvariantCulture)}
                                - PUSHGATEWAY={Monitoring.MonitoringExpectations.Pushgateway}{(extraEnv is null ? "" : $"\n                - {extraEnv}")}
                                - {DeploymentLayout.BackupToolsDir}/{Path.GetFileName(script)}
                                - {instance}
                              env:
                                - name: HOME
                                  value: /tmp
                              volumeMounts:
                                - name: tmp
                                  mountPath: /tmp
                              resources:
                                requests:
                                  cpu: 50m
                                  memory: 64Mi
                                limits:
                                  memory: 128Mi
                              securityContext:
                                allowPrivilegeEscalation: false
                                readOnlyRootFilesystem: true
                                capabilities:
                                  drop: ["ALL"]

                """);
        return text.ToString();
    }

    private static string Labels(string app, int indent, string component = "backup")
    {
        var pad = new string(' ', indent);
        return $"{pad}app.kubernetes.io/name: tarantool\n{pad}app.kubernetes.io/instance: {app}\n{pad}app.kubernetes.io/component: {component}";
    }
}
