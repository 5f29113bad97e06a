using System.Globalization;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Configuration;

/// <summary>
/// States, for the configuration prompt, what <see cref="ClusterConfigurationValidator"/> demands: the version and
/// format, the figures that must equal the capacity, topology and backup outputs, and the value sets it accepts.
/// </summary>
internal static class ClusterConfigurationRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Find<CapacityPlan>();
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        var format = ClusterConfigurationValidator.ExpectedFormat(request);
        var version = TarantoolVersion.Parse(request.TarantoolVersion);
        var lines = new List<string>
        {
            $"targetVersion is \"{request.TarantoolVersion}\", configFormat \"{format}\", appName \"{request.ClusterName}\".",
            $"logLevel is one of {string.Join(", ", ClusterConfigurationValidator.LogLevels)}; logFormat \"plain\" or \"json\".",
            $"metrics.method is {string.Join(" or ", ClusterConfigurationValidator.MetricsMethodsFor(format, version).Select(m => $"\"{m}\""))}; metrics are served in the prometheus format on an absolute path such as /metrics (roles.metrics-export needs the metrics-export-role rock in rockDependencies).",
        };

        if (capacity is not null)
        {
            lines.Add($"From the capacity plan: walMode \"{capacity.WalMode}\", snapshotIntervalSeconds {I(capacity.SnapshotIntervalSeconds)}, snapshotCount {I(capacity.SnapshotCount)}, storageMemtxMemoryBytes {I(capacity.MemtxMemoryBytes)}" +
                (capacity.Routers > 0 ? $", routerMemtxMemoryBytes {I(capacity.RouterMemtxMemoryBytes)}" : "") + ".");
            lines.Add(capacity.Engine == StorageEngine.Vinyl
                ? $"vinyl.enabled is true with memoryBytes {I(capacity.VinylMemoryBytes)} and cacheBytes {I(capacity.VinylCacheBytes)}, writeThreads at least 2, readThreads at least 1, 0 < bloomFpr < 1."
                : "vinyl.enabled is false (the capacity plan chose memtx).");
            lines.Add(capacity.BucketCount > 0
                ? $"sharding.enabled is true with bucketCount {I(capacity.BucketCount)}; sharding.storageUser is a user with the \"sharding\" role; the rebalancer replicaset, if named, is a storage replicaset."
                : "sharding.enabled is false.");
        }
        if (backup is not null)
            lines.Add($"From the backup plan: snapshotIntervalSeconds {I(backup.SnapshotIntervalSeconds)}, snapshotCount {I(backup.SnapshotCount)}, snapshotWalSizeBytes {I(backup.SnapshotWalSizeBytes)}.");

        if (topology is not null)
        {
            lines.Add($"replication.failover is the topology's \"{topology.FailoverMode}\"" +
                (topology.Election is { } election
                    ? $", synchroQuorum {I(election.SynchroQuorum)} and electionTimeoutSeconds {election.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)} as the topology's, electionFencingMode off, soft or strict, electionTimeoutSeconds not below timeoutSeconds."
                    : "."));
            lines.Add($"tls.enabled is {(topology.IprotoTls ? "true" : "false")} as the topology decided{(topology.IprotoTls ? "; certFile, keyFile and caFile are absolute file paths" : "")}.");
            if (topology.Users.Count > 0)
                lines.Add($"\"users\" holds every user of the topology ({string.Join(", ", topology.Users.Select(u => u.Name))}), each taking its password from a \"context\" entry that reads from env (an environment variable name) or a file.");
        }
        lines.Add("replication.timeoutSeconds is positive and connectTimeoutSeconds at least as long; bootstrapStrategy is auto, config, supervised or legacy (auto with supervised failover).");
        lines.Add($"replication.masterMaster is {(ClusterShape.IsTrueMasterMaster(request) ? "true (failover off, every master rw)" : "false")}.");
        lines.Add("\"decisions\" gives a topic, a choice and a reason each, at least for durability, memory, failover and metrics.");
        return lines;
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
