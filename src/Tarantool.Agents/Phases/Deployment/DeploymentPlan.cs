namespace Tarantool.Agents.Phases.Deployment;

/// <summary>Phase 10: how the cluster is deployed, updated without downtime, backed up on schedule and shipped by CI/CD.</summary>
public sealed record DeploymentPlan
{
    /// <summary><c>ansible-systemd</c> for on-premises hosts and VMs, <c>kubernetes</c> for Kubernetes-based clouds
    /// (cloud kubernetes, aws, azure, gcp).</summary>
    public required string Form { get; init; }

    /// <summary>How developers run the cluster locally: <c>docker-compose</c> (the containers phase's compose file).</summary>
    public required string LocalDevelopment { get; init; }

    /// <summary>The tt application name (equals the cluster name).</summary>
    public required string AppName { get; init; }

    /// <summary>The Tarantool release line deployed, e.g. <c>3.7</c>; equals the request's target version.</summary>
    public required string TarantoolVersion { get; init; }

    /// <summary>The parent of the application directory on every host: <c>/opt/tarantool</c>, the shared layout
    /// (<c>/opt/tarantool/&lt;app&gt;</c> is the application and its tt environment, data in its
    /// <c>var/lib/&lt;instance&gt;</c>).</summary>
    public required string InstallDir { get; init; }

    /// <summary>Every topology instance exactly once, with its host and ports.</summary>
    public required IReadOnlyList<InventoryInstance> Inventory { get; init; }

    /// <summary>Inventory groups: one per replicaset (underscored, e.g. <c>storage_001</c>) and the role groups
    /// <c>storages</c>, <c>routers</c>, <c>db</c>, <c>stateboard</c> whose children are the replicaset groups.</summary>
    public required IReadOnlyList<InventoryGroup> Groups { get; init; }

    /// <summary>The zero-downtime update order: replicasets in order (storages, then routers, then the rest), and
    /// inside each the replicas first and the leader last, after a switchover.</summary>
    public required IReadOnlyList<RollingReplicaset> RollingUpdate { get; init; }

    /// <summary>Largest replication lag (seconds) accepted before the next instance is restarted.</summary>
    public required double MaxReplicationLagSeconds { get; init; }

    /// <summary>How long a restarted instance may take to recover (snapshot load + WAL replay) before the update
    /// stops, in seconds; grows with the snapshot size.</summary>
    public required int StartTimeoutSeconds { get; init; }

    /// <summary>When backups, WAL archiving and restore rehearsals run, and how long backups are kept.</summary>
    public required BackupSchedule BackupSchedule { get; init; }

    /// <summary>The CI/CD pipeline stages in order (lint, validate, deploy, verify...).</summary>
    public required IReadOnlyList<PipelineStage> Pipeline { get; init; }

    /// <summary>Secrets the deployment needs, each only by reference (environment variable and where it comes from).</summary>
    public required IReadOnlyList<SecretReference> Secrets { get; init; }

    /// <summary>Decisions and their reasons, stated plainly.</summary>
    public required IReadOnlyList<string> Decisions { get; init; }
}
