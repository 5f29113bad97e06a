using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.CapacityPlanning;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Phases.Topology;

/// <summary>Each rule of the topology validator, broken on purpose: the validator must name it.</summary>
public sealed class ClusterTopologyValidatorTests
{
    private sealed record Case(
        Func<ClusterRequest> Request,
        Func<ClusterTopology, ClusterTopology> Break,
        string Code,
        ValidationSeverity Severity = ValidationSeverity.Error,
        Func<CapacityPlan, CapacityPlan>? BreakPlan = null);

    private static ClusterRequest Sharded() => Request();
    private static ClusterRequest ShardedEnterprise() => Request() with { Edition = Edition.Enterprise };
    private static ClusterRequest Manual() => Request(ClusterType.Replicated, ha: HaStrategy.PassiveFailover);
    private static ClusterRequest MasterMaster() => Request(ClusterType.Replicated, replication: ReplicationMode.MasterMaster);
    private static ClusterRequest Cartridge() => Request(ClusterType.Cartridge, sharding: true, version: "2.11");
    private static ClusterRequest Distributed() => Request(ClusterType.MultiRegion, ha: HaStrategy.DistributedHa, sharding: true);
    private static ClusterRequest Remote() => Request(ClusterType.MultiRegion, ha: HaStrategy.ActiveFailover);

    /// <summary>Replaces replicaset <paramref name="index"/>.</summary>
    private static ClusterTopology Rs(ClusterTopology t, int index, Func<Replicaset, Replicaset> change) =>
        t with { Replicasets = [.. t.Replicasets.Select((r, i) => i == index ? change(r) : r)] };

    /// <summary>Replaces instance <paramref name="node"/> of replicaset <paramref name="index"/>.</summary>
    private static ClusterTopology Node(ClusterTopology t, int index, int node, Func<InstanceNode, InstanceNode> change) =>
        Rs(t, index, r => r with { Instances = [.. r.Instances.Select((n, j) => j == node ? change(n) : n)] });

    private static ClusterTopology AllStorageNodes(ClusterTopology t, Func<InstanceNode, InstanceNode> change) =>
        t with { Replicasets = [.. t.Replicasets.Select(r => r.Name.StartsWith("router") ? r : r with { Instances = [.. r.Instances.Select(change)] })] };

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["cluster type differs"] = new(Sharded, t => t with { ClusterType = ClusterType.Replicated }, "topology.cluster-type"),
        ["no replicasets"] = new(Sharded, t => t with { Replicasets = [] }, "topology.empty"),
        ["uppercase replicaset name"] = new(Sharded, t => Rs(t, 0, r => r with { Name = "Storage-001" }), "topology.name-invalid"),
        ["instance name with underscore"] = new(Sharded, t => Node(t, 0, 0, n => n with { Name = "storage_001_1" }), "topology.name-invalid"),
        ["unconventional replicaset name"] = new(Sharded, t => Rs(t, 0, r => r with { Name = "shard-a" }), "topology.name-convention"),
        ["db name in a sharded cluster"] = new(Sharded, t => Rs(t, 0, r => r with { Name = "db-001" }), "topology.name-convention"),
        ["unconventional instance name"] = new(Sharded, t => Node(t, 0, 0, n => n with { Name = "storage-001-a" }), "topology.name-convention"),
        ["stateboard with another name"] = new(Cartridge, t => Node(t, t.Replicasets.Count - 1, 0, n => n with { Name = "state" }), "topology.name-convention"),
        ["duplicate replicaset"] = new(Sharded, t => Rs(t, 1, r => r with { Name = "storage-001" }), "topology.duplicate-name"),
        ["duplicate instance"] = new(Sharded, t => Node(t, 1, 0, n => n with { Name = "storage-001-1" }), "topology.duplicate-name"),
        ["empty replicaset"] = new(Sharded, t => Rs(t, 2, r => r with { Instances = [] }), "topology.empty-replicaset"),
        ["storage without the storage role"] = new(Sharded, t => Rs(t, 1, r => r with { Roles = [] }), "topology.roles"),
        ["router that also stores"] = new(Sharded, t => Rs(t, 3, r => r with { Roles = ["router", "storage"] }), "topology.roles"),
        ["sharded without routers"] = new(Sharded, t => t with { Replicasets = [.. t.Replicasets.Take(3)] }, "topology.roles"),
        ["routers without sharding"] = new(Manual, t => t with { Replicasets = [.. t.Replicasets, new Replicaset("router-001", ["router"], null, [t.Replicasets[0].Instances[0] with { Name = "router-001-1", Port = 3399, MetricsPort = 8199 }])] }, "topology.roles"),
        ["no rebalancer"] = new(Sharded, t => Rs(t, 0, r => r with { Roles = ["storage"] }), "topology.rebalancer"),
        ["two rebalancers"] = new(Sharded, t => Rs(t, 1, r => r with { Roles = ["storage", "rebalancer"] }), "topology.rebalancer"),
        ["rebalancer on a router"] = new(Sharded, t => Rs(Rs(t, 0, r => r with { Roles = ["storage"] }), 3, r => r with { Roles = ["router", "rebalancer"] }), "topology.rebalancer"),
        ["rebalancer without sharding"] = new(Manual, t => Rs(t, 0, r => r with { Roles = ["rebalancer"] }), "topology.rebalancer"),
        ["fewer storage replicasets than planned"] = new(Sharded, t => t with { Replicasets = [.. t.Replicasets.Where(r => r.Name != "storage-003")] }, "topology.storage-count"),
        ["replicaset smaller than planned"] = new(Sharded, t => Rs(t, 1, r => r with { Instances = [.. r.Instances.Take(2)] }), "topology.replicaset-size"),
        ["fewer routers than planned"] = new(Sharded, t => t with { Replicasets = [.. t.Replicasets.Where(r => r.Name != "router-002")] }, "topology.router-count"),
        ["router replicaset with two instances"] = new(Sharded, t => Rs(t, 3, r => r with { Instances = [r.Instances[0], r.Instances[0] with { Name = "router-001-2", Host = "orders-node-9" }] }), "topology.router-count", ValidationSeverity.Warning),
        ["total differs from the plan"] = new(Sharded, t => t, "topology.total-instances", BreakPlan: p => p with { TotalInstances = 12 }),
        ["routers before storages"] = new(Sharded, t => t with { Replicasets = [.. t.Replicasets.Skip(3), .. t.Replicasets.Take(3)] }, "topology.order", ValidationSeverity.Warning),
        ["3.x failover word unknown"] = new(Sharded, t => t with { FailoverMode = "raft" }, "topology.failover-vocabulary"),
        ["3.x word on cartridge"] = new(Cartridge, t => t with { FailoverMode = "election" }, "topology.failover-vocabulary"),
        ["manual failover for active failover"] = new(Sharded, t => t with { FailoverMode = "manual", Election = null }, "topology.failover-strategy"),
        ["election for master-master"] = new(MasterMaster, t => t with { FailoverMode = "election" }, "topology.failover-strategy"),
        ["cartridge stateful without provider"] = new(Cartridge, t => t with { FailoverStateProvider = "" }, "topology.state-provider"),
        ["stateboard provider without stateboard"] = new(Cartridge, t => t with { Replicasets = [.. t.Replicasets.SkipLast(1)] }, "topology.state-provider"),
        ["etcd2 provider with a stateboard"] = new(Cartridge, t => t with { FailoverStateProvider = "etcd2" }, "topology.state-provider"),
        ["provider without stateful failover"] = new(Sharded, t => t with { FailoverStateProvider = "stateboard" }, "topology.state-provider"),
        ["leader under election"] = new(Sharded, t => Rs(t, 0, r => r with { Leader = "storage-001-1" }), "topology.leader"),
        ["leader from another replicaset"] = new(Manual, t => Rs(t, 0, r => r with { Leader = "storage-001-1" }), "topology.leader"),
        ["manual failover without leader"] = new(Manual, t => Rs(t, 0, r => r with { Leader = null }), "topology.leader"),
        ["election without settings"] = new(Sharded, t => t with { Election = null }, "topology.election-settings"),
        ["settings without election"] = new(Manual, t => t with { Election = new ElectionSettings("candidate", 4, "strict", 2) }, "topology.election-settings"),
        ["unknown election mode"] = new(Sharded, t => t with { Election = t.Election! with { Mode = "leader" } }, "topology.election-settings"),
        ["zero election timeout"] = new(Sharded, t => t with { Election = t.Election! with { TimeoutSeconds = 0 } }, "topology.election-settings"),
        ["unknown fencing"] = new(Sharded, t => t with { Election = t.Election! with { FencingMode = "hard" } }, "topology.election-settings"),
        ["minority quorum"] = new(Sharded, t => t with { Election = t.Election! with { SynchroQuorum = 1 } }, "topology.election-settings"),
        ["unreachable quorum"] = new(Sharded, t => t with { Election = t.Election! with { SynchroQuorum = 4 } }, "topology.election-settings"),
        ["election timeout shorter than the WAN allows"] = new(Distributed, t => t with { Election = t.Election! with { TimeoutSeconds = 0.2 } }, "topology.election-settings", ValidationSeverity.Warning),
        ["no election mode under election"] = new(Sharded, t => Node(t, 0, 1, n => n with { ElectionMode = "" }), "topology.election-mode"),
        ["replicaset without candidates"] = new(Sharded, t => Rs(t, 2, r => r with { Instances = [.. r.Instances.Select(n => n with { ElectionMode = "voter" })] }), "topology.election-mode"),
        ["election mode without election"] = new(Manual, t => Node(t, 0, 0, n => n with { ElectionMode = "candidate" }), "topology.election-mode"),
        ["unknown instance mode"] = new(Sharded, t => Node(t, 0, 0, n => n with { Mode = "master" }), "topology.instance-mode"),
        ["rw under election"] = new(Sharded, t => Node(t, 0, 0, n => n with { Mode = "rw" }), "topology.instance-mode"),
        ["two writers with failover off"] = new(MasterMaster, t => t, "topology.instance-mode"),
        ["master-master with a read-only member"] = new(MasterMaster, t => Node(t, 0, 1, n => n with { Mode = "ro" }), "topology.instance-mode"),
        ["no regions"] = new(Sharded, t => t with { Regions = [] }, "topology.regions"),
        ["duplicate region"] = new(Sharded, t => t with { Regions = [t.Regions[0], t.Regions[0]] }, "topology.regions"),
        ["region without zones"] = new(Sharded, t => t with { Regions = [t.Regions[0] with { Zones = [] }] }, "topology.regions"),
        ["no primary region"] = new(Sharded, t => t with { Regions = [t.Regions[0] with { Primary = false }] }, "topology.regions"),
        ["instance in an unknown region"] = new(Sharded, t => Node(t, 0, 0, n => n with { Region = "mars" }), "topology.region-reference"),
        ["instance in an unknown zone"] = new(Sharded, t => Node(t, 0, 0, n => n with { Zone = "rack-z" }), "topology.region-reference"),
        ["multi-region on one region"] = new(Remote, t => AllStorageNodes(t with { Regions = [t.Regions[0]] }, n => n with { Region = t.Regions[0].Name, Zone = t.Regions[0].Zones[0] }), "topology.region-count"),
        ["fewer regions than the request"] = new(() => Request(workload: new Workload { Regions = 2 }), t => AllStorageNodes(t with { Regions = [t.Regions[0]], CrossRegionLatencyBudgetMs = 0 }, n => n with { Region = t.Regions[0].Name, Zone = t.Regions[0].Zones[0] }), "topology.region-count", ValidationSeverity.Warning),
        ["several regions without a latency budget"] = new(Distributed, t => t with { CrossRegionLatencyBudgetMs = 0 }, "topology.latency-budget"),
        ["latency budget on one site"] = new(Sharded, t => t with { CrossRegionLatencyBudgetMs = 50 }, "topology.latency-budget", ValidationSeverity.Warning),
        ["distributed ha voting in one region"] = new(Distributed, t => AllStorageNodes(t, n => n.Region == t.Regions[0].Name ? n : n with { ElectionMode = "off" }), "topology.distributed-ha"),
        // Two of three voters in one region: losing it leaves one voter, below the quorum of two.
        ["distributed ha majority in one region"] = new(Distributed, t => AllStorageNodes(t, n => n.Region == t.Regions[1].Name ? n with { Region = t.Regions[0].Name, Zone = t.Regions[0].Zones[^1] } : n), "topology.distributed-ha"),
        ["remote candidate"] = new(Remote, t => AllStorageNodes(t, n => n with { ElectionMode = "candidate" }), "topology.remote-candidate", ValidationSeverity.Warning),
        ["two members on one host"] = new(Sharded, t => Node(t, 0, 1, n => n with { Host = t.Replicasets[0].Instances[0].Host, Port = 3399, MetricsPort = 8199 }), "topology.host-collision"),
        ["port used twice on a host"] = new(Sharded, t => Node(t, 2, 0, n => n with { Port = 3301 }), "topology.ports"),
        ["metrics port on the iproto port"] = new(Sharded, t => Node(t, 2, 0, n => n with { MetricsPort = 3301 }), "topology.ports"),
        ["port out of range"] = new(Sharded, t => Node(t, 0, 0, n => n with { Port = 0 }), "topology.ports"),
        ["hosts differ from the plan"] = new(Sharded, t => t, "topology.hosts", ValidationSeverity.Warning, p => p with { Hosts = 9 }),
        ["duplicate user"] = new(Sharded, t => t with { Users = [.. t.Users, t.Users[0]] }, "topology.users"),
        ["user without roles"] = new(Sharded, t => t with { Users = [.. t.Users.Select(u => u.Name == "app" ? u with { Roles = [] } : u)] }, "topology.users"),
        ["application with super"] = new(Sharded, t => t with { Users = [.. t.Users.Select(u => u.Name == "app" ? u with { Roles = ["super"] } : u)] }, "topology.users"),
        ["no replication user"] = new(Sharded, t => t with { Users = [.. t.Users.Where(u => u.Name != "replicator")] }, "topology.users"),
        ["no sharding user"] = new(Sharded, t => t with { Users = [.. t.Users.Where(u => u.Name != "storage")] }, "topology.users"),
        ["password literal as secret"] = new(Sharded, t => t with { Users = [.. t.Users.Select(u => u.Name == "app" ? u with { PasswordSecret = "S3cr3t!" } : u)] }, "topology.password-secret"),
        ["plain word as secret"] = new(Sharded, t => t with { Users = [.. t.Users.Select(u => u.Name == "app" ? u with { PasswordSecret = "hunter2" } : u)] }, "topology.password-secret"),
        ["production without tls"] = new(ShardedEnterprise, t => t with { IprotoTls = false }, "topology.tls", ValidationSeverity.Warning),
        ["tls on community edition"] = new(Sharded, t => t with { IprotoTls = true }, "topology.tls-edition"),
        ["unencrypted and unprotected network"] = new(Sharded, t => t with { Decisions = ["Failover by election."] }, "topology.network-protection", ValidationSeverity.Warning),
        ["no decisions"] = new(Sharded, t => t with { Decisions = [] }, "topology.decisions", ValidationSeverity.Warning),
        ["master-master not explained"] = new(MasterMaster, t => t with { Decisions = ["Failover off."] }, "topology.decisions", ValidationSeverity.Warning),
        ["fenced diagram"] = new(Sharded, t => t with { MermaidDiagram = "```mermaid\n" + t.MermaidDiagram + "\n```" }, "topology.diagram"),
        ["not a flowchart"] = new(Sharded, t => t with { MermaidDiagram = "sequenceDiagram\n  a->>b: hi" }, "topology.diagram"),
        ["diagram missing instances"] = new(Sharded, t => t with { MermaidDiagram = "flowchart TB\n  a --> b" }, "topology.diagram", ValidationSeverity.Warning),
    };

    public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Broken_rule_is_reported(string name)
    {
        var c = Cases[name];
        var request = c.Request();
        var plan = Plan(request);
        var topology = TopologyOf(request, plan);
        Assert.Empty(ClusterTopologyPhase.Spec.Validate(topology, Context(request, Language.En, plan)));

        var brokenPlan = c.BreakPlan?.Invoke(plan) ?? plan;
        var broken = c.Break(topology);
        if (name == "two writers with failover off")
        {
            // A master-slave replicaset run with failover off must have exactly one writer.
            request = Manual();
            brokenPlan = Plan(request);
            var manual = TopologyOf(request, brokenPlan);
            broken = Rs(manual with { FailoverMode = "off" }, 0, r => r with { Leader = null, Instances = [.. r.Instances.Select(n => n with { Mode = "rw" })] });
        }

        var issues = ClusterTopologyPhase.Spec.Validate(broken, Context(request, Language.En, brokenPlan));
        Assert.Contains(issues, i => i.Code == c.Code && i.Severity == c.Severity && i.Message.Length > 20);
    }

    [Fact]
    public void Every_rule_code_has_a_negative_case()
    {
        var folder = Path.Combine(CapacityPlanValidatorTests.RepoRoot(), "src/Tarantool.Agents/Phases/Topology");
        var codes = Directory.GetFiles(folder, "Topology*Rules.cs").Append(Path.Combine(folder, "ClusterTopologyValidator.cs"))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), "\"(topology\\.[a-z-]+)\"").Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(codes);
        Assert.Empty(codes.Except(Cases.Values.Select(c => c.Code)));
    }

    [Fact]
    public void Validator_works_without_a_capacity_plan()
    {
        var request = Sharded();
        var topology = TopologyOf(request);
        Assert.Empty(ClusterTopologyPhase.Spec.Validate(topology, Context(request)));
    }

    [Fact]
    public void A_different_but_sound_topology_is_accepted()
    {
        var request = Sharded();
        var plan = Plan(request);
        var topology = TopologyOf(request, plan);
        // Another architect: supervised failover, own host names and zones, soft fencing, quorum 3 of 3.
        var alternative = topology with
        {
            FailoverMode = "supervised",
            Election = null,
            Regions = [new Region("dc-main", ["a", "b", "c"], true)],
            Replicasets = [.. topology.Replicasets.Select(r => r with { Instances = [.. r.Instances.Select(n => n with { Region = "dc-main", Zone = n.Zone.Replace("rack-", ""), ElectionMode = "", Host = n.Host.Replace("orders-node", "tnt") })] })],
        };
        Assert.DoesNotContain(ClusterTopologyPhase.Spec.Validate(alternative, Context(request, Language.En, plan)), i => i.Severity == ValidationSeverity.Error);
        var strictQuorum = topology with { Election = topology.Election! with { SynchroQuorum = 3, FencingMode = "soft" } };
        Assert.Empty(ClusterTopologyPhase.Spec.Validate(strictQuorum, Context(request, Language.En, plan)));
    }
}
