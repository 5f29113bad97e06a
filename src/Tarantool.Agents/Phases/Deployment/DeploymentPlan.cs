using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>Phase 10: how the cluster is deployed, updated without downtime, backed up on schedule and shipped by CI/CD.</summary>
public sealed record DeploymentPlan
{
    [OneOf(typeof(DeploymentForms), nameof(DeploymentForms.Forms))]
    [Description("ansible-systemd for on-premises hosts and VMs, kubernetes for Kubernetes-based clouds (cloud kubernetes, aws, azure, gcp).")]
    public required string Form { get; init; }

    [OneOf(typeof(DeploymentForms), nameof(DeploymentForms.LocalForms))]

    [Description("How developers run the cluster locally: docker-compose (the containers phase's compose file).")]
    public required string LocalDevelopment { get; init; }

    [Description("The tt application name (equals the cluster name).")]
    public required string AppName { get; init; }

    [Description("The Tarantool release line deployed, e.g. 3.7; equals the request's target version.")]
    public required string TarantoolVersion { get; init; }

    [Description("The parent of the application directory on every host: /opt/tarantool, the shared layout (/opt/tarantool/<app> is the application and its tt environment, data in its var/lib/<instance>).")]
    public required string InstallDir { get; init; }

    [Description("Every topology instance exactly once, with its host and ports.")]
    public required IReadOnlyList<InventoryInstance> Inventory { get; init; }

    [Description("Inventory groups: one per replicaset (underscored, e.g. storage_001) and the role groups storages, routers, db, stateboard whose children are the replicaset groups.")]
    public required IReadOnlyList<InventoryGroup> Groups { get; init; }

    [Description("The zero-downtime update order: replicasets in order (storages, then routers, then the rest), and inside each the replicas first and the leader last, after a switchover.")]
    public required IReadOnlyList<RollingReplicaset> RollingUpdate { get; init; }

    [Description("Largest replication lag (seconds) accepted before the next instance is restarted.")]
    public required double MaxReplicationLagSeconds { get; init; }

    [Description("How long a restarted instance may take to recover (snapshot load + WAL replay) before the update stops, in seconds; grows with the snapshot size.")]
    public required int StartTimeoutSeconds { get; init; }

    [Description("When backups, WAL archiving and restore rehearsals run, and how long backups are kept.")]
    public required BackupSchedule BackupSchedule { get; init; }

    [Description("The CI/CD pipeline stages in order (lint, validate, deploy, verify...).")]
    public required IReadOnlyList<PipelineStage> Pipeline { get; init; }

    [Description("Secrets the deployment needs, each only by reference (environment variable and where it comes from).")]
    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    [Description("Decisions and their reasons, stated plainly.")]
    public required IReadOnlyList<string> Decisions { get; init; }
}
