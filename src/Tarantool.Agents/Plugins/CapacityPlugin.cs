using System.ComponentModel;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Plugins;

/// <summary>
/// Capacity planning as tools: the same calculator and validator the embedded expert uses, so an LLM agent can
/// compute figures instead of guessing them and check its plan before answering.
/// </summary>
public sealed class CapacityPlugin
{
    [KernelFunction("calculate_memtx_memory")]
    [Description("Sizes memtx.memory per storage instance for the data at the end of the horizon: data × (1 + growth)^(months/12) / shards × (1 + 30% indexes) × 1.15 allocator × 1.2 headroom, plus what a checkpoint's read view keeps alive, rounded up to 256 MiB, with the environment's floor.")]
    public MemtxMemoryEstimate CalculateMemtxMemory(
        [Description("Data size today, in GB.")] double dataSizeGb,
        [Description("Storage replicasets (shards); 1 when not sharded.")] int shards,
        [Description("Data growth per year, in percent (e.g. 30).")] double growthPercentPerYear,
        [Description("Planning horizon in months (e.g. 24).")] int horizonMonths,
        [Description("development, staging or production (sets the floor).")] string environment = "production")
    {
        var request = new ClusterRequest
        {
            ClusterName = "estimate",
            ClusterType = shards > 1 ? ClusterType.Sharded : ClusterType.Replicated,
            Environment = ParseEnvironment(environment),
            EnableSharding = shards > 1,
            ShardCount = Math.Max(1, shards),
            Workload = new Workload
            {
                DataSizeGb = Math.Max(0.001, dataSizeGb),
                GrowthPercentPerYear = Math.Max(0, growthPercentPerYear),
                HorizonMonths = Math.Max(1, horizonMonths),
                Engine = StorageEngine.Memtx,
            },
        };
        var plan = CapacityCalculator.Plan(request, Language.En);
        var formulas = plan.Formulas
            .Where(f => f.Name is "projectedDataSizeGb" or "perShardDataGb" or "memtxRequired" or "memtx.memory" or "ramPerStorageInstance")
            .Select(f => $"{f.Name} = {f.Expression} = {f.Result}")
            .ToList();
        return new MemtxMemoryEstimate(plan.MemtxMemoryBytes, Narratives.Figures.Bytes(plan.MemtxMemoryBytes), plan.ProjectedDataSizeGb,
            Math.Round(plan.ProjectedDataSizeGb / request.ShardCount, 2), plan.RamPerStorageInstanceBytes, formulas);
    }

    [KernelFunction("calculate_bucket_count")]
    [Description("Sizes vshard sharding.bucket_count, which cannot change after bootstrap: max(3000, 1000 × max(4 × shards, shards needed at the horizon)).")]
    public BucketCountEstimate CalculateBucketCount(
        [Description("Storage replicasets (shards) planned now.")] int shards,
        [Description("Shards the growth projection needs at the horizon; 0 if unknown.")] int shardsNeededAtHorizon = 0)
    {
        var count = GrowthPlanner.BucketCount(Math.Max(1, shards), Math.Max(0, shardsNeededAtHorizon));
        return new BucketCountEstimate(count,
            $"max({MinimumBucketCount}, {BucketsPerReplicaset} × max({ScaleOutFactor} × {Math.Max(1, shards)}, {Math.Max(0, shardsNeededAtHorizon)})) = {count}");
    }

    [KernelFunction("plan_capacity")]
    [Description("Computes the whole CapacityPlan (JSON) for a cluster request (JSON with clusterName, clusterType, environment, haStrategy, enableSharding, shardCount, workload...). Use it as the reference answer for phase 1.")]
    public string PlanCapacity(
        [Description("The cluster request as JSON.")] string requestJson,
        [Description("Language of reasons: en or ru.")] string language = "en")
    {
        if (!PluginJson.TryRead<ClusterRequest>(requestJson, "requestJson", out var request, out var problem)) return PluginJson.Error(problem!);
        return PluginJson.Write(CapacityCalculator.Plan(request!, PluginJson.ParseLanguage(language)));
    }

    [KernelFunction("validate_capacity_plan")]
    [Description("Checks a CapacityPlan (JSON) against the request (JSON) with the phase's validator; returns the findings (severity, code, message, path) as JSON, an empty array when it is valid.")]
    public string ValidateCapacityPlan(
        [Description("The CapacityPlan as JSON.")] string planJson,
        [Description("The cluster request as JSON.")] string requestJson)
    {
        if (!PluginJson.TryRead<ClusterRequest>(requestJson, "requestJson", out var request, out var problem)) return PluginJson.Error(problem!);
        if (!PluginJson.TryRead<CapacityPlan>(planJson, "planJson", out var plan, out problem)) return PluginJson.Error(problem!);
        var context = new PhaseContext(request!, Language.En, new Dictionary<string, object>());
        return PluginJson.Write(CapacityPlanPhase.Spec.Validate(plan!, context));
    }

    private static DeploymentEnvironment ParseEnvironment(string environment) => environment.Trim().ToLowerInvariant() switch
    {
        "development" or "dev" => DeploymentEnvironment.Development,
        "staging" or "stage" => DeploymentEnvironment.Staging,
        _ => DeploymentEnvironment.Production,
    };
}
