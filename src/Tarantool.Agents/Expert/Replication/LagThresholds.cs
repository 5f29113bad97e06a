using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Replication;

/// <summary>
/// Derives the replication lag thresholds from the RPO. With asynchronous replication the data lost with a leader
/// is the replica's lag, so the critical threshold is half the RPO (time to notice and react), capped at 60 s and
/// never below 4 heartbeats; the warning is a fifth of it but never below one heartbeat.
/// </summary>
internal sealed record LagThresholds(int RpoSeconds, string RpoSource, double TimeoutSeconds, double WarningSeconds, double CriticalSeconds, double MarkerTimeoutSeconds)
{
    public static LagThresholds For(ClusterRequest request, ClusterTopology topology, BackupPlan? backup)
    {
        var rpo = backup?.RpoSeconds ?? request.Environment switch
        {
            DeploymentEnvironment.Production => 60,
            DeploymentEnvironment.Staging => 900,
            _ => 3600,
        };
        var timeout = Timeout(topology);
        var critical = Math.Min(Math.Clamp(rpo / 2.0, Math.Max(5, 4 * timeout), 60), rpo);
        var warning = Math.Max(timeout, Math.Round(critical / 5, 1));
        if (warning >= critical) warning = Math.Round(critical / 2, 1);
        return new LagThresholds(rpo, backup is null ? "environment-default" : "backup-plan", timeout, warning, critical, Math.Max(10, critical));
    }

    /// <summary>Same rule as the configuration phase: at least 4 WAN round trips per heartbeat across sites.</summary>
    public static double Timeout(ClusterTopology topology) =>
        topology.Regions.Count > 1 ? Math.Max(1.0, Math.Ceiling(topology.CrossRegionLatencyBudgetMs * 4 / 1000.0 * 2) / 2) : 1.0;
}
