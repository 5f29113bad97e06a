using System.Text.Json;
using Tarantool.Agents.Expert.Topology;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Tests.Expert.CapacityPlanning;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Expert.Topology;

public sealed class TopologyExpertTests
{
    private static IEnumerable<InstanceNode> StorageNodes(ClusterTopology t) =>
        t.Replicasets.Where(r => r.Name.StartsWith("storage-") || r.Name.StartsWith("db-")).SelectMany(r => r.Instances);

    [Fact]
    public void Every_combination_of_the_request_passes_the_validator_cleanly()
    {
        foreach (var request in Matrix())
        {
            var plan = Plan(request);
            var topology = TopologyOf(request, plan);
            var issues = ClusterTopologyPhase.Spec.Validate(topology, Context(request, Language.En, plan));
            Assert.True(issues.Count == 0, $"{request.ClusterType}/{request.Environment}/{request.HaStrategy}/{request.ReplicationMode}/{request.TarantoolVersion}/{request.Workload.Regions}: {string.Join("; ", issues)}");
        }
    }

    [Theory]
    [InlineData(ClusterType.SingleInstance, HaStrategy.ActiveFailover, ReplicationMode.MasterSlave, "3.7", "off")]
    [InlineData(ClusterType.Replicated, HaStrategy.PassiveFailover, ReplicationMode.MasterSlave, "3.7", "manual")]
    [InlineData(ClusterType.Replicated, HaStrategy.ActiveFailover, ReplicationMode.MasterSlave, "2.11", "election")]
    [InlineData(ClusterType.Replicated, HaStrategy.ActiveFailover, ReplicationMode.MasterMaster, "3.7", "off")]
    [InlineData(ClusterType.Sharded, HaStrategy.DistributedHa, ReplicationMode.MasterMaster, "3.7", "election")]
    [InlineData(ClusterType.Cartridge, HaStrategy.PassiveFailover, ReplicationMode.MasterSlave, "2.11", "disabled")]
    [InlineData(ClusterType.Cartridge, HaStrategy.ActiveFailover, ReplicationMode.MasterSlave, "2.11", "stateful")]
    [InlineData(ClusterType.MultiRegion, HaStrategy.DistributedHa, ReplicationMode.MasterSlave, "3.7", "election")]
    public void Ha_strategy_maps_to_the_failover_vocabulary(ClusterType type, HaStrategy ha, ReplicationMode mode, string version, string expected)
    {
        var topology = TopologyOf(Request(type, ha: ha, replication: mode, version: version));
        Assert.Equal(expected, topology.FailoverMode);
        Assert.Equal(expected == "election", topology.Election is not null);
    }

    [Fact]
    public void Election_settings_follow_the_environment()
    {
        var production = TopologyOf(Request()).Election!;
        Assert.Equal(new ElectionSettings("candidate", 4, "strict", 2), production);
        var development = TopologyOf(Request(environment: DeploymentEnvironment.Development)).Election!;
        Assert.Equal(1, development.TimeoutSeconds);
        Assert.Equal("soft", development.FencingMode);
        var multi = TopologyOf(Request(ClusterType.MultiRegion, ha: HaStrategy.ActiveFailover, sharding: true));
        Assert.Equal(3, multi.Election!.SynchroQuorum);
    }

    [Fact]
    public void Sharded_cluster_has_conventional_names_roles_and_spread_members()
    {
        var topology = TopologyOf(Request());
        Assert.Equal(["storage-001", "storage-002", "storage-003", "router-001", "router-002"], topology.Replicasets.Select(r => r.Name));
        Assert.Equal(["storage", "rebalancer"], topology.Replicasets[0].Roles);
        Assert.Equal(["storage"], topology.Replicasets[1].Roles);
        Assert.All(topology.Replicasets.Where(r => r.Name.StartsWith("router")), r => Assert.Equal("rw", Assert.Single(r.Instances).Mode));
        foreach (var rs in topology.Replicasets.Take(3))
        {
            Assert.Equal(3, rs.Instances.Select(n => n.Host).Distinct().Count());
            Assert.Equal(3, rs.Instances.Select(n => n.Zone).Distinct().Count());
            Assert.All(rs.Instances, n => Assert.Equal("auto", n.Mode));
            Assert.All(rs.Instances, n => Assert.Equal("candidate", n.ElectionMode));
        }

        Assert.Equal(3, topology.Replicasets.Take(3).Select(r => r.Instances[0].Zone).Distinct().Count());
        var hosts = topology.Replicasets.SelectMany(r => r.Instances).GroupBy(n => n.Host).ToList();
        Assert.Equal(Plan(Request()).Hosts, hosts.Count);
        Assert.All(hosts, h => Assert.Equal(h.Count(), h.Select(n => n.Port).Distinct().Count()));
        Assert.All(hosts, h => Assert.Equal(Enumerable.Range(3301, h.Count()), h.Select(n => n.Port).Order()));
        Assert.All(topology.Replicasets.SelectMany(r => r.Instances), n => Assert.Equal(n.Port + 4780, n.MetricsPort));
        Assert.All(hosts, h => Assert.StartsWith("orders-node-", h.Key));
    }

    [Fact]
    public void Manual_failover_names_the_first_member_as_leader()
    {
        var topology = TopologyOf(Request(ClusterType.Replicated, ha: HaStrategy.PassiveFailover));
        var rs = Assert.Single(topology.Replicasets);
        Assert.Equal("db-001", rs.Name);
        Assert.Equal("db-001-1", rs.Leader);
        Assert.Null(topology.Election);
        Assert.All(rs.Instances, n => Assert.Equal("", n.ElectionMode));
    }

    [Fact]
    public void Master_master_runs_every_member_writable_and_spells_out_the_caveats()
    {
        var request = Request(ClusterType.Replicated, replication: ReplicationMode.MasterMaster);
        var topology = TopologyOf(request);
        Assert.Equal("off", topology.FailoverMode);
        Assert.All(Assert.Single(topology.Replicasets).Instances, n => Assert.Equal("rw", n.Mode));
        Assert.Contains(topology.Decisions, d => d.Contains("does not resolve conflicts") && d.Contains("disjoint keys"));
        Assert.Contains("<-.->", topology.MermaidDiagram);
    }

    [Fact]
    public void Sharded_multi_master_keeps_one_leader_per_shard_and_homes_shards_in_different_sites()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.ActiveFailover, sharding: true, replication: ReplicationMode.MasterMaster, cloud: CloudProvider.Aws);
        var topology = TopologyOf(request);
        Assert.Equal("election", topology.FailoverMode);
        var storages = topology.Replicasets.Where(r => r.Name.StartsWith("storage-")).ToList();
        Assert.Equal(["eu-central-1", "eu-west-1", "eu-central-1"], storages.Select(r => r.Instances[0].Region));
        Assert.All(topology.Regions, r => Assert.True(r.Primary));
        Assert.Contains(topology.Decisions, d => d.Contains("one writable leader per shard"));
        foreach (var rs in storages)
            Assert.All(rs.Instances.Where(n => n.Region != rs.Instances[0].Region), n => Assert.Equal("voter", n.ElectionMode));
    }

    [Fact]
    public void Multi_region_active_failover_keeps_candidates_in_the_primary_region()
    {
        var topology = TopologyOf(Request(ClusterType.MultiRegion, ha: HaStrategy.ActiveFailover, cloud: CloudProvider.Gcp));
        Assert.Equal(["europe-west1", "europe-west4"], topology.Regions.Select(r => r.Name));
        Assert.Equal(["europe-west1-b", "europe-west1-c", "europe-west1-d"], topology.Regions[0].Zones);
        Assert.True(topology.Regions[0].Primary);
        Assert.False(topology.Regions[1].Primary);
        var nodes = Assert.Single(topology.Replicasets).Instances;
        Assert.Equal(4, nodes.Count);
        Assert.All(nodes.Where(n => n.Region == "europe-west1"), n => Assert.Equal("candidate", n.ElectionMode));
        Assert.Equal("voter", Assert.Single(nodes, n => n.Region == "europe-west4").ElectionMode);
        Assert.Equal(100, topology.CrossRegionLatencyBudgetMs);
    }

    [Fact]
    public void Distributed_ha_spreads_members_so_no_region_holds_a_majority()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true, cloud: CloudProvider.Azure);
        var topology = TopologyOf(request);
        Assert.Equal(["westeurope", "northeurope", "swedencentral"], topology.Regions.Select(r => r.Name));
        Assert.Equal(["westeurope-1", "westeurope-2", "westeurope-3"], topology.Regions[0].Zones);
        Assert.Equal([true, true, false], topology.Regions.Select(r => r.Primary));
        foreach (var rs in topology.Replicasets.Where(r => r.Name.StartsWith("storage-")))
        {
            Assert.Equal(3, rs.Instances.Select(n => n.Region).Distinct().Count());
            Assert.Equal("voter", Assert.Single(rs.Instances, n => n.Region == "swedencentral").ElectionMode);
        }

        Assert.Equal(1, topology.Replicasets.Count(r => r.Name.StartsWith("router-") && r.Instances[0].Region == "swedencentral"));
        Assert.Equal(30, topology.CrossRegionLatencyBudgetMs);
        Assert.Contains(topology.Decisions, d => d.Contains("never leads"));
    }

    [Fact]
    public void Distributed_ha_on_two_named_sites_adds_a_third_site_so_either_can_be_lost()
    {
        // Two sites cannot both survive each other's loss: one always holds the majority of voters.
        var topology = TopologyOf(Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, workload: new Workload { Regions = 2 }));
        Assert.Equal(3, topology.Regions.Count);
        var members = topology.Replicasets.Where(r => r.Name.StartsWith("storage-") || r.Name.StartsWith("db-")).SelectMany(r => r.Instances).ToList();
        Assert.Equal(3, members.Select(n => n.Region).Distinct().Count());
    }

    [Fact]
    public void Distributed_ha_on_one_site_spreads_members_over_zones()
    {
        var topology = TopologyOf(Request(ClusterType.Replicated, environment: DeploymentEnvironment.Development, ha: HaStrategy.DistributedHa, cloud: CloudProvider.Aws));
        var nodes = Assert.Single(topology.Replicasets).Instances;
        Assert.Equal(3, nodes.Select(n => n.Zone).Distinct().Count());
        Assert.Equal("development", Assert.Single(topology.Regions).Name);
        Assert.Equal(0, topology.CrossRegionLatencyBudgetMs);
    }

    [Fact]
    public void Cartridge_stateful_failover_runs_a_stateboard_and_coordinators()
    {
        var request = Request(ClusterType.Cartridge, sharding: true, version: "2.11");
        var topology = TopologyOf(request);
        Assert.Equal("stateful", topology.FailoverMode);
        Assert.Equal("stateboard", topology.FailoverStateProvider);
        var stateboard = topology.Replicasets[^1];
        Assert.Equal("stateboard", stateboard.Name);
        Assert.Equal("stateboard", Assert.Single(stateboard.Instances).Name);
        Assert.All(topology.Replicasets.Where(r => r.Name.StartsWith("router-")), r => Assert.Contains("failover-coordinator", r.Roles));
        Assert.DoesNotContain(topology.Users, u => u.Name is "replicator" or "storage");
        Assert.Contains(topology.Decisions, d => d.Contains("cluster cookie"));

        var on3x = TopologyOf(Request(ClusterType.Cartridge, sharding: true, version: "3.7"));
        Assert.Contains(on3x.Decisions, d => d.Contains("Cartridge runs on Tarantool 2.11"));
    }

    [Fact]
    public void Users_get_least_privilege_and_secret_names_only()
    {
        var topology = TopologyOf(Request());
        Assert.Equal(["replicator", "storage", "app"], topology.Users.Select(u => u.Name));
        Assert.Equal(["replicator_password", "storage_password", "app_password"], topology.Users.Select(u => u.PasswordSecret));
        Assert.Equal(["replication"], topology.Users[0].Roles);
        Assert.Equal(["sharding"], topology.Users[1].Roles);
        Assert.DoesNotContain(topology.Users, u => u.Roles.Contains("super"));
        // iproto TLS is an Enterprise Edition feature: production on Enterprise encrypts, Community protects the network.
        Assert.False(topology.IprotoTls);
        Assert.Contains(topology.Decisions, d => d.Contains("Community Edition", StringComparison.Ordinal) && d.Contains("private network", StringComparison.Ordinal) && d.Contains("--edition enterprise", StringComparison.Ordinal));
        var enterprise = TopologyOf(Request() with { Edition = Edition.Enterprise });
        Assert.True(enterprise.IprotoTls);
        Assert.Contains(enterprise.Decisions, d => d.Contains("transport: ssl", StringComparison.Ordinal) && d.Contains("advertise", StringComparison.Ordinal));
        Assert.False(TopologyOf(Request(environment: DeploymentEnvironment.Staging) with { Edition = Edition.Enterprise }).IprotoTls);
        Assert.Equal(["app"], TopologyOf(Request(ClusterType.SingleInstance)).Users.Select(u => u.Name));
    }

    [Fact]
    public void Topology_follows_a_plan_it_did_not_compute()
    {
        var request = Request(ClusterType.Replicated, ha: HaStrategy.ActiveFailover);
        var plan = Plan(request) with { InstancesPerReplicaset = 5, TotalInstances = 5, Hosts = 5 };
        var topology = TopologyOf(request, plan);
        Assert.Equal(5, Assert.Single(topology.Replicasets).Instances.Count);
        Assert.Equal(3, topology.Election!.SynchroQuorum);
        Assert.DoesNotContain(ClusterTopologyPhase.Spec.Validate(topology, Context(request, Language.En, plan)), i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Diagram_is_a_bare_flowchart_showing_every_instance()
    {
        var topology = TopologyOf(Request(ClusterType.Cartridge, sharding: true, version: "2.11"));
        Assert.StartsWith("flowchart TB\n", topology.MermaidDiagram);
        Assert.DoesNotContain("```", topology.MermaidDiagram);
        foreach (var node in topology.Replicasets.SelectMany(r => r.Instances)) Assert.Contains($"[\"{node.Name}<br/>", topology.MermaidDiagram);
        var lines = topology.MermaidDiagram.Split('\n');
        Assert.Equal(lines.Count(l => l.TrimStart().StartsWith("subgraph ")), lines.Count(l => l.Trim() == "end"));
    }

    [MermaidFact]
    public void Mermaid_accepts_every_diagram()
    {
        var requests = new[]
        {
            Request(),
            Request(ClusterType.SingleInstance),
            Request(ClusterType.Replicated, replication: ReplicationMode.MasterMaster),
            Request(ClusterType.Cartridge, sharding: true, version: "2.11"),
            Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true, cloud: CloudProvider.Kubernetes),
        };
        foreach (var request in requests)
        {
            var (ok, output) = MermaidCheck.Parse(TopologyOf(request).MermaidDiagram);
            Assert.True(ok, $"{request.ClusterType}: {output}");
        }

        Assert.False(MermaidCheck.Parse("flowchart TB\n  a[x] -->\n").Ok, "the check must reject a broken diagram");
    }

    [Fact]
    public void Narrative_has_the_sections_and_embeds_the_diagram()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true);
        var plan = Plan(request);
        var answer = new TopologyExpert().Answer(Context(request, Language.En, plan));
        NarrativeAssert.HasSections(answer.Narrative, ClusterTopologyPhase.Sections, Language.En);
        NarrativeAssert.IsIn(answer.Narrative, Language.En);
        var topology = (ClusterTopology)answer.Output;
        Assert.Contains("```mermaid\n" + topology.MermaidDiagram + "\n```", answer.Narrative);
        Assert.Contains("### Losing a region", answer.Narrative);
        Assert.Contains("box.ctl.promote()", answer.Narrative);
        Assert.Contains("'{{ context.replicator_password }}'", answer.Narrative);
        foreach (var decision in topology.Decisions) Assert.Contains(decision, answer.Narrative);
    }

    [Fact]
    public void Master_master_narrative_says_when_not_to_use_it()
    {
        var request = Request(ClusterType.Replicated, replication: ReplicationMode.MasterMaster);
        var narrative = new TopologyExpert().Answer(Context(request, Language.En, Plan(request))).Narrative;
        Assert.Contains("Do not use it for balances", narrative);
        Assert.Contains("upsert", narrative);
    }

    [Theory]
    [InlineData(ClusterType.Sharded, HaStrategy.ActiveFailover, "3.7")]
    [InlineData(ClusterType.Replicated, HaStrategy.PassiveFailover, "3.7")]
    [InlineData(ClusterType.SingleInstance, HaStrategy.ActiveFailover, "2.11")]
    [InlineData(ClusterType.Cartridge, HaStrategy.ActiveFailover, "2.11")]
    [InlineData(ClusterType.MultiRegion, HaStrategy.DistributedHa, "3.7")]
    public void Russian_narrative_is_russian(ClusterType type, HaStrategy ha, string version)
    {
        var request = Request(type, ha: ha, version: version);
        var plan = new Tarantool.Agents.Expert.CapacityPlanning.CapacityPlanningExpert().Design(Context(request, Language.Ru));
        var answer = new TopologyExpert().Answer(Context(request, Language.Ru, plan));
        NarrativeAssert.HasSections(answer.Narrative, ClusterTopologyPhase.Sections, Language.Ru);
        NarrativeAssert.IsIn(answer.Narrative, Language.Ru);
        Assert.All(((ClusterTopology)answer.Output).Decisions, d => Assert.Matches("[а-я]", d));
    }

    [Fact]
    public void Same_request_gives_byte_identical_output_and_narrative()
    {
        var request = Request(ClusterType.MultiRegion, ha: HaStrategy.ActiveFailover, sharding: true, replication: ReplicationMode.MasterMaster);
        var plan = Plan(request);
        var first = new TopologyExpert().Answer(Context(request, Language.En, plan));
        var second = new TopologyExpert().Answer(Context(request, Language.En, plan));
        Assert.Equal(JsonSerializer.Serialize(first.Output, JsonDefaults.Indented), JsonSerializer.Serialize(second.Output, JsonDefaults.Indented));
        Assert.Equal(first.Narrative, second.Narrative);
        Assert.Empty(ClusterTopologyPhase.Spec.Render(first.Output, Context(request, Language.En, plan)));
    }

    [Fact]
    public void Stored_topology_reads_back_even_without_election_or_leader()
    {
        foreach (var request in new[] { Request(), Request(ClusterType.Replicated, ha: HaStrategy.PassiveFailover), Request(ClusterType.SingleInstance) })
        {
            var topology = TopologyOf(request);
            var json = JsonSerializer.SerializeToElement(topology, JsonDefaults.Indented);
            Assert.True(json.TryGetProperty("election", out _));
            Assert.True(json.GetProperty("replicasets")[0].TryGetProperty("leader", out _));
            var back = (ClusterTopology)ClusterTopologyPhase.Spec.Deserialize(json)!;
            Assert.Equal(JsonSerializer.Serialize(topology, JsonDefaults.Indented), JsonSerializer.Serialize(back, JsonDefaults.Indented));
        }

        var schema = ClusterTopologyPhase.Spec.AnswerSchema.GetRawText();
        Assert.Contains("\"election\"", schema);
        Assert.Contains("\"mermaidDiagram\"", schema);
    }

    [Fact]
    public void Host_prefix_is_a_dns_label()
    {
        Assert.Equal("orders-eu", HostPool.HostPrefix("Orders_EU"));
        Assert.Equal("tarantool", HostPool.HostPrefix("__"));
    }
}
