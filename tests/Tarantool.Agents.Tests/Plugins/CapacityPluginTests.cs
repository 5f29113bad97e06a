using System.Text.Json;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Plugins;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Plugins;

public sealed class CapacityPluginTests
{
    private static readonly Kernel Kernel = BuildKernel();

    private static Kernel BuildKernel()
    {
        var kernel = new Kernel();
        kernel.Plugins.AddRange(DomainPlugins.Create());
        return kernel;
    }

    private static Task<FunctionResult> Invoke(string function, KernelArguments arguments) =>
        Kernel.InvokeAsync(DomainPlugins.CapacityPluginName, function, arguments);

    [Fact]
    public void Plugin_exposes_described_functions()
    {
        var plugin = Kernel.Plugins[DomainPlugins.CapacityPluginName];
        Assert.Equal(["calculate_bucket_count", "calculate_memtx_memory", "plan_capacity", "validate_capacity_plan"], plugin.Select(f => f.Name).Order());
        Assert.All(plugin, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
        Assert.All(plugin.SelectMany(f => f.Metadata.Parameters), p => Assert.False(string.IsNullOrWhiteSpace(p.Description)));
    }

    [Fact]
    public async Task Calculate_memtx_memory_matches_the_capacity_plan()
    {
        var result = await Invoke("calculate_memtx_memory", new() { ["dataSizeGb"] = 100.0, ["shards"] = 3, ["growthPercentPerYear"] = 30.0, ["horizonMonths"] = 24 });
        var estimate = result.GetValue<MemtxMemoryEstimate>()!;
        Assert.Equal(Plan(Request()).MemtxMemoryBytes, estimate.MemtxMemoryBytes);
        Assert.Equal("94.25 GiB", estimate.MemtxMemory);
        Assert.Equal(169, estimate.ProjectedDataSizeGb);
        Assert.Contains(estimate.Formulas, f => f.StartsWith("memtx.memory = "));
    }

    [Fact]
    public async Task Calculate_memtx_memory_accepts_string_arguments_as_a_model_sends_them()
    {
        var result = await Invoke("calculate_memtx_memory", new() { ["dataSizeGb"] = "10", ["shards"] = "1", ["growthPercentPerYear"] = "0", ["horizonMonths"] = "12", ["environment"] = "development" });
        var estimate = result.GetValue<MemtxMemoryEstimate>()!;
        Assert.Equal(0, estimate.MemtxMemoryBytes % (256L * 1024 * 1024));
        Assert.True(estimate.MemtxMemoryBytes >= 10e9 * 1.3 * 1.15 * 1.2);
    }

    [Fact]
    public async Task Calculate_bucket_count_sizes_for_scale_out()
    {
        var result = await Invoke("calculate_bucket_count", new() { ["shards"] = 5 });
        var estimate = result.GetValue<BucketCountEstimate>()!;
        Assert.Equal(20_000, estimate.BucketCount);
        Assert.Contains("20000", estimate.Formula);
        Assert.Equal(3 * 1000 * 4, (await Invoke("calculate_bucket_count", new() { ["shards"] = 3, ["shardsNeededAtHorizon"] = 5 })).GetValue<BucketCountEstimate>()!.BucketCount);
    }

    [Fact]
    public async Task Plan_capacity_returns_the_experts_plan_as_json()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true);
        var json = (await Invoke("plan_capacity", new() { ["requestJson"] = JsonSerializer.Serialize(request, JsonDefaults.Compact), ["language"] = "ru" })).GetValue<string>()!;
        var plan = JsonSerializer.Deserialize<CapacityPlan>(json, JsonDefaults.Indented)!;
        Assert.Equal(Plan(request).TotalInstances, plan.TotalInstances);
        Assert.Contains("\"memtxMemoryBytes\"", json);
        Assert.Matches("[а-я]", plan.Assumptions[0].Reason);
    }

    [Fact]
    public async Task Plan_capacity_reports_bad_json_instead_of_throwing()
    {
        var json = (await Invoke("plan_capacity", new() { ["requestJson"] = "{ not json" })).GetValue<string>()!;
        Assert.Contains("input.invalid-json", json);
        var missing = (await Invoke("plan_capacity", new() { ["requestJson"] = "{\"clusterName\":\"x\"}" })).GetValue<string>()!;
        Assert.Contains("input.invalid-json", missing);
    }

    [Fact]
    public async Task Validate_capacity_plan_returns_the_findings()
    {
        // Small enough that three shards keep the arena under the ceiling: a sound plan has no finding at all.
        var request = Request(workload: new Workload { DataSizeGb = 40 });
        var requestJson = JsonSerializer.Serialize(request, JsonDefaults.Compact);
        var good = JsonSerializer.Serialize(Plan(request), JsonDefaults.Compact);
        Assert.Equal("[]", (await Invoke("validate_capacity_plan", new() { ["planJson"] = good, ["requestJson"] = requestJson })).GetValue<string>());

        var bad = JsonSerializer.Serialize(Plan(request) with { BucketCount = 0, WalMode = "none" }, JsonDefaults.Compact);
        var findings = (await Invoke("validate_capacity_plan", new() { ["planJson"] = bad, ["requestJson"] = requestJson })).GetValue<string>()!;
        Assert.Contains("capacity.bucket-count", findings);
        Assert.Contains("capacity.wal-mode", findings);
        Assert.Contains("\"severity\": \"error\"", findings);
    }
}
