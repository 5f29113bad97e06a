using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Expert.Documentation;
using Tarantool.Agents.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>
/// Cartridge stateful failover as it is applied: fencing on with fencing_timeout below failover_timeout (a cut-off
/// leader turns read-only before another is appointed), more than one failover coordinator, the state provider the
/// topology chose with its parameters, and every place that applies it passing the same settings to Cartridge's
/// own command.
/// </summary>
public sealed partial class CartridgeFailoverTests
{
    private static readonly string[] StatefulCartridge =
        ["--cluster-name", "inventory", "--cluster-type", "cartridge", "--environment", "production", "--ha-strategy", "active-failover", "--tarantool-version", "2.11", "--deployment", "vm", "--enable-sharding", "true", "--shard-count", "3", "Inventory on Cartridge, 50 GB"];

    [Fact]
    public async Task Fencing_turns_a_cut_off_leader_read_only_before_the_coordinator_appoints_another()
    {
        var failover = Yaml((await PlannedBundle.PlanAsync(StatefulCartridge))["tarantool/failover.yml"]);
        Assert.Equal("stateful", (string?)failover["mode"]);
        Assert.True((bool)failover["fencing_enabled"]!);
        var failoverTimeout = (double)failover["failover_timeout"]!;
        var fencingTimeout = (double)failover["fencing_timeout"]!;
        var fencingPause = (double)failover["fencing_pause"]!;
        Assert.True(fencingTimeout < failoverTimeout, $"fencing_timeout {fencingTimeout} must be below failover_timeout {failoverTimeout}");
        Assert.True(fencingPause < fencingTimeout, $"fencing_pause {fencingPause} must be below fencing_timeout {fencingTimeout}");
    }

    [Fact]
    public async Task More_than_one_instance_runs_the_failover_coordinator()
    {
        var replicasets = (await PlannedBundle.PlanAsync(StatefulCartridge))["tarantool/replicasets.yml"];
        var coordinators = Yaml(replicasets).AsObject()
            .Where(r => r.Value!["roles"]!.AsArray().Any(role => (string?)role == "failover-coordinator"))
            .Sum(r => r.Value!["instances"]!.AsArray().Count);
        Assert.True(coordinators >= 2, replicasets);
    }

    [Fact]
    public void A_single_router_is_joined_by_a_storage_replicaset_as_coordinator()
    {
        var (config, topology) = Designed();
        var oneRouter = topology with { Replicasets = [.. topology.Replicasets.Where(r => r.Name != "router-002")] };
        var chosen = CartridgeLayout.CoordinatorReplicasets(oneRouter);
        var count = oneRouter.Replicasets.Where(r => chosen.Contains(r.Name)).Sum(r => r.Instances.Count);
        Assert.True(count >= 2, string.Join(", ", chosen));
        Assert.Contains(chosen, name => name.StartsWith("storage-", StringComparison.Ordinal));
        Assert.Contains("failover-coordinator", CartridgeLayout.RenderReplicasetsYml(config, oneRouter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stateboard_provider_points_at_the_stateboard_instance_and_every_apply_command_carries_the_timeouts()
    {
        var bundle = await PlannedBundle.PlanAsync(StatefulCartridge);
        var failover = Yaml(bundle["tarantool/failover.yml"]);
        Assert.Equal("stateboard", (string?)failover["state_provider"]);
        var stateboard = Yaml(bundle["tarantool/instances.yml"]).AsObject().Single(i => i.Key.EndsWith("-stateboard", StringComparison.Ordinal)).Value!;
        Assert.Equal((string?)stateboard["listen"], (string?)failover["stateboard_params"]!["uri"]);

        var parameters = $"--params '{{\"failover_timeout\": {failover["failover_timeout"]}, \"fencing_enabled\": true, \"fencing_timeout\": {failover["fencing_timeout"]}, \"fencing_pause\": {failover["fencing_pause"]}}}'";
        Assert.Contains(parameters, bundle["tarantool/failover.yml"], StringComparison.Ordinal);
        Assert.Contains(parameters, bundle["deploy/ansible/deploy.yml"], StringComparison.Ordinal);
        Assert.Contains(parameters, bundle["docs/setup.md"], StringComparison.Ordinal);
        foreach (var path in new[] { "tarantool/failover.yml", "deploy/ansible/deploy.yml", "docs/setup.md" })
            Assert.Matches(ApplyCommand(), bundle[path]);
    }

    [Fact]
    public void An_etcd2_state_provider_gets_its_parameters_and_its_own_apply_command()
    {
        var (config, topology) = Designed();
        var text = CartridgeLayout.RenderFailoverYml(config, topology with { FailoverStateProvider = "etcd2" });
        var failover = Yaml(text);
        Assert.Equal("etcd2", (string?)failover["state_provider"]);
        Assert.Null(failover["stateboard_params"]);
        var etcd = failover["etcd2_params"]!;
        Assert.Equal($"/{config.AppName}", (string?)etcd["prefix"]);
        Assert.True((double)etcd["lock_delay"]! > 0);
        Assert.NotEmpty(etcd["endpoints"]!.AsArray());
        Assert.Contains("cartridge failover set stateful --state-provider etcd2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("password:", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Inventory on Cartridge, 50 GB, failover state kept in our etcd cluster")]
    [InlineData("Склад на Cartridge, 50 ГБ, состояние failover храним в etcd2")]
    public async Task Etcd_in_the_description_selects_the_etcd2_provider_and_no_stateboard_runs(string description)
    {
        var bundle = await PlannedBundle.PlanAsync([.. StatefulCartridge[..^1], description]);
        var failover = Yaml(bundle["tarantool/failover.yml"]);
        Assert.Equal("etcd2", (string?)failover["state_provider"]);
        Assert.Null(failover["stateboard_params"]);
        var etcd = failover["etcd2_params"]!;
        Assert.Equal("/inventory", (string?)etcd["prefix"]);
        Assert.True((double)etcd["lock_delay"]! > 0);
        Assert.NotEmpty(etcd["endpoints"]!.AsArray());
        Assert.DoesNotContain(Yaml(bundle["tarantool/instances.yml"]).AsObject(), i => i.Key.EndsWith("-stateboard", StringComparison.Ordinal));
        Assert.Contains("--state-provider etcd2", bundle["docs/setup.md"], StringComparison.Ordinal);
        Assert.DoesNotMatch(ApplyCommand(), bundle["docs/setup.md"]);
    }

    [Theory]
    [InlineData("Inventory on Cartridge, 50 GB, failover state in etcd", true)]
    [InlineData("Inventory on Cartridge, 50 GB, without etcd: we run no etcd cluster", false)]
    [InlineData("Inventory on Cartridge, 50 GB, no etcd", false)]
    [InlineData("Склад на Cartridge, 50 ГБ, без etcd", false)]
    [InlineData("Склад на Cartridge, 50 ГБ, состояние в etcd, а не в stateboard", true)]
    public void Only_a_description_that_asks_for_etcd_selects_it(string description, bool etcd)
    {
        var request = new ClusterRequest
        {
            ClusterName = "inventory", ClusterType = ClusterType.Cartridge, Environment = DeploymentEnvironment.Production,
            TarantoolVersion = "2.11", Description = description,
        };
        Assert.Equal(etcd, ClusterShape.WantsEtcd(request));
    }

    [Fact]
    public void Without_etcd_the_stateboard_runs_on_a_host_no_other_instance_uses()
    {
        var (_, topology) = Designed();
        Assert.Equal("stateboard", topology.FailoverStateProvider);
        var stateboard = topology.Replicasets.Single(r => r.Name == CartridgeLayout.StateboardName).Instances.Single();
        var others = topology.Replicasets.Where(r => r.Name != CartridgeLayout.StateboardName).SelectMany(r => r.Instances);
        Assert.DoesNotContain(others, i => i.Host == stateboard.Host);
    }

    private static (ClusterConfiguration Config, ClusterTopology Topology) Designed()
    {
        var context = UpstreamChain.ContextFor(new ClusterRequest
        {
            ClusterName = "inventory", ClusterType = ClusterType.Cartridge, Environment = DeploymentEnvironment.Production,
            HaStrategy = HaStrategy.ActiveFailover, TarantoolVersion = "2.11", EnableSharding = true, ShardCount = 2,
        }, Language.En);
        return (context.Find<ClusterConfiguration>()!, context.Find<ClusterTopology>()!);
    }

    private static JsonNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return YamlJson.Convert(stream.Documents[0].RootNode)!;
    }

    [GeneratedRegex(@"cartridge failover set stateful\s+(\\\s*)?--state-provider stateboard")]
    private static partial Regex ApplyCommand();
}
