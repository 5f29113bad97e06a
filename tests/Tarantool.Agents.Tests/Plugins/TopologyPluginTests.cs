using System.Text.Json;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Plugins;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Plugins;

public sealed class TopologyPluginTests
{
    private static Task<FunctionResult> Invoke(string function, KernelArguments arguments)
    {
        var kernel = new Kernel();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromObject(new TopologyPlugin(), JsonDefaults.Compact, DomainPlugins.TopologyPluginName));
        return kernel.InvokeAsync(DomainPlugins.TopologyPluginName, function, arguments);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonDefaults.Compact);

    [Fact]
    public async Task Validate_topology_accepts_the_reference_and_reports_broken_rules()
    {
        var request = Request();
        var plan = Plan(request);
        var topology = TopologyOf(request, plan);
        var clean = (await Invoke("validate_topology", new() { ["topologyJson"] = Json(topology), ["requestJson"] = Json(request), ["capacityPlanJson"] = Json(plan) })).GetValue<string>();
        Assert.Equal("[]", clean);

        var broken = topology with { Users = [.. topology.Users.Select(u => u with { PasswordSecret = "qwerty" })], Election = null };
        var findings = (await Invoke("validate_topology", new() { ["topologyJson"] = Json(broken), ["requestJson"] = Json(request) })).GetValue<string>()!;
        Assert.Contains("topology.password-secret", findings);
        Assert.Contains("topology.election-settings", findings);
    }

    [Fact]
    public async Task Validate_topology_reports_invalid_json()
    {
        var findings = (await Invoke("validate_topology", new() { ["topologyJson"] = "[]", ["requestJson"] = Json(Request()) })).GetValue<string>()!;
        Assert.Contains("input.invalid-json", findings);
    }

    [Fact]
    public async Task Design_topology_returns_the_reference_topology()
    {
        var request = Request(ClusterType.Cartridge, sharding: true, version: "2.11");
        var json = (await Invoke("design_topology", new() { ["requestJson"] = Json(request) })).GetValue<string>()!;
        var topology = JsonSerializer.Deserialize<ClusterTopology>(json, JsonDefaults.Indented)!;
        Assert.Equal("stateful", topology.FailoverMode);
        Assert.Equal(Json(TopologyOf(request)), Json(topology));
    }
}
