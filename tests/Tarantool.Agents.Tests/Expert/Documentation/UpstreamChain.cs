using Tarantool.Agents.Expert.BackupRecovery;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Expert.Configuration;
using Tarantool.Agents.Expert.Topology;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Expert.Documentation;

/// <summary>
/// Runs the real upstream experts (capacity → topology → backup → configuration) for a request and gives the context
/// phases 9 and 10 see, with the configuration phase's rendered files: the contract test against the phases that
/// produce their inputs, next to the hand-built fixtures.
/// </summary>
internal static class UpstreamChain
{
    public static PhaseContext ContextFor(ClusterRequest request, Language language)
    {
        var inputs = new Dictionary<string, object>();
        PhaseContext Context(IReadOnlyDictionary<string, string>? files = null) => new(request, language, new Dictionary<string, object>(inputs), files);

        inputs[nameof(CapacityPlan)] = new CapacityPlanningExpert().Design(Context());
        inputs[nameof(ClusterTopology)] = new TopologyExpert().Design(Context());
        inputs[nameof(BackupPlan)] = new BackupRecoveryExpert().Design(Context());
        var configContext = Context();
        var configuration = new ConfigurationExpert().Design(configContext);
        var files = ConfigurationPhase.Spec.Render(configuration, configContext).ToDictionary(f => f.Path, f => f.Content);
        inputs[nameof(ClusterConfiguration)] = configuration;
        return Context(files);
    }

    public static IReadOnlyList<string> Keys => [.. Catalog.Keys.Order(StringComparer.Ordinal)];

    public static ClusterRequest Request(string key) => Catalog[key];

    private static readonly Dictionary<string, ClusterRequest> Catalog = new(StringComparer.Ordinal)
    {
        ["single-dev"] = new() { ClusterName = "notes", ClusterType = ClusterType.SingleInstance, Environment = DeploymentEnvironment.Development, BackupRetentionDays = 7 },
        ["replicated-election"] = new()
        {
            ClusterName = "orders", ClusterType = ClusterType.Replicated, Environment = DeploymentEnvironment.Production,
            HaStrategy = HaStrategy.ActiveFailover, Workload = new Workload { DataSizeGb = 120, WriteRps = 5000, ReadRps = 20000 },
        },
        ["replicated-manual-211"] = new()
        {
            ClusterName = "legacy", ClusterType = ClusterType.Replicated, Environment = DeploymentEnvironment.Staging,
            HaStrategy = HaStrategy.PassiveFailover, TarantoolVersion = "2.11", BackupRetentionDays = 10,
        },
        ["sharded-aws"] = new()
        {
            ClusterName = "payments", ClusterType = ClusterType.Sharded, Environment = DeploymentEnvironment.Production,
            CloudProvider = CloudProvider.Aws, EnableSharding = true, ShardCount = 3, BackupRetentionDays = 14,
            Workload = new Workload { DataSizeGb = 600, WriteRps = 20000, ReadRps = 80000, GrowthPercentPerYear = 60 },
        },
        ["sharded-manual-onprem"] = new()
        {
            ClusterName = "billing", ClusterType = ClusterType.Sharded, Environment = DeploymentEnvironment.Production,
            HaStrategy = HaStrategy.PassiveFailover, EnableSharding = true, ShardCount = 2,
        },
        ["cartridge"] = new()
        {
            ClusterName = "catalog", ClusterType = ClusterType.Cartridge, Environment = DeploymentEnvironment.Production,
            TarantoolVersion = "2.11", EnableSharding = true, ShardCount = 2, BackupRetentionDays = 21,
        },
        ["multi-region"] = new()
        {
            ClusterName = "ledger", ClusterType = ClusterType.MultiRegion, Environment = DeploymentEnvironment.Production,
            CloudProvider = CloudProvider.Gcp, HaStrategy = HaStrategy.DistributedHa, EnableSharding = true, ShardCount = 2,
            Workload = new Workload { Regions = 3, DataSizeGb = 300 },
        },
        ["master-master"] = new()
        {
            ClusterName = "counters", ClusterType = ClusterType.Replicated, Environment = DeploymentEnvironment.Production,
            ReplicationMode = ReplicationMode.MasterMaster,
        },
    };
}
