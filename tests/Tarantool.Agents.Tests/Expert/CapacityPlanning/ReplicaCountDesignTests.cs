using System.Text.Json;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using static Tarantool.Agents.Tests.Expert.CapacityPlanning.DesignRequests;

namespace Tarantool.Agents.Tests.Expert.CapacityPlanning;

/// <summary>
/// A replica count the request states sizes the plan and the topology (members, totals, hosts, zones, quorum); a
/// count the HA strategy would not choose is kept, with the warning that says what it costs in the request's
/// language; the validators hold a plan to the count and to that warning.
/// </summary>
public sealed class ReplicaCountDesignTests
{
    private static readonly Workload Data = new() { DataSizeGb = 100, ReadRps = 20_000, WriteRps = 2_000 };

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_storage_replicaset_has_the_requested_members_and_the_quorum_is_a_majority(int replicas)
    {
        var request = Request(workload: Data, cloud: CloudProvider.Aws) with { Replicas = replicas };
        var plan = Plan(request);
        var topology = TopologyOf(request, plan);

        Assert.Equal(replicas, plan.InstancesPerReplicaset);
        Assert.Equal(plan.StorageReplicasets * replicas + plan.Routers, plan.TotalInstances);
        Assert.True(plan.Hosts >= replicas, $"{plan.Hosts} hosts for {replicas} members");
        var storages = topology.Replicasets.Where(r => r.Roles.Contains("storage")).ToList();
        Assert.Equal(plan.StorageReplicasets, storages.Count);
        Assert.All(storages, rs => Assert.Equal(replicas, rs.Instances.Count));
        Assert.All(storages, rs => Assert.Equal(replicas, rs.Instances.Select(i => i.Host).Distinct().Count()));
        // Members spread over the zones the site has (three on a cloud): no zone holds two while another is empty.
        Assert.All(storages, rs => Assert.Equal(Math.Min(3, replicas), rs.Instances.Select(i => i.Zone).Distinct().Count()));
        Assert.Equal("election", topology.FailoverMode);
        Assert.Equal(replicas / 2 + 1, topology.Election!.SynchroQuorum);
        Assert.DoesNotContain(CapacityPlanPhase.Spec.Validate(plan, Context(request)), i => i.Severity == ValidationSeverity.Error);
        Assert.DoesNotContain(ClusterTopologyPhase.Spec.Validate(topology, Context(request, Language.En, plan)), i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void More_members_cost_more_hosts_ram_and_disk_in_total()
    {
        var three = Plan(Request(workload: Data) with { Replicas = 3 });
        var five = Plan(Request(workload: Data) with { Replicas = 5 });

        Assert.Equal(three.StorageReplicasets, five.StorageReplicasets);
        Assert.Equal(three.RamPerStorageInstanceBytes, five.RamPerStorageInstanceBytes);
        Assert.True(five.Hosts > three.Hosts, $"{five.Hosts} hosts for 5 members, {three.Hosts} for 3");
        Assert.Equal(five.StorageReplicasets * 2, five.TotalInstances - three.TotalInstances);
    }

    [Fact]
    public void A_stated_count_equal_to_the_derived_one_changes_nothing_in_the_plan()
    {
        var derived = Plan(Request(workload: Data));
        var stated = Plan(Request(workload: Data) with { Replicas = derived.InstancesPerReplicaset });

        Assert.Equal(JsonSerializer.Serialize(derived, JsonDefaults.Indented), JsonSerializer.Serialize(stated, JsonDefaults.Indented));
    }

    [Theory]
    [InlineData(Language.En, "2 instances per replicaset", "box.ctl.promote()")]
    [InlineData(Language.Ru, "2 инстанса в наборе реплик", "box.ctl.promote()")]
    public void Two_members_under_raft_are_kept_with_a_warning_about_a_leader_loss_in_the_requests_language(Language language, string start, string command)
    {
        var request = Request(workload: Data) with { Replicas = 2 };
        var plan = new Tarantool.Agents.Expert.CapacityPlanning.CapacityPlanningExpert().Design(Context(request, language));

        Assert.Equal(2, plan.InstancesPerReplicaset);
        var warning = Assert.Single(plan.Warnings, w => w.Code == CapacityPlanValidator.ElectionQuorumCode);
        Assert.StartsWith(start, warning.Message);
        Assert.Contains(command, warning.Message);
        Assert.Contains("synchro_quorum", warning.Message);
        Assert.DoesNotContain(CapacityPlanPhase.Spec.Validate(plan, Context(request, language)), i => i.Severity == ValidationSeverity.Error);
        Assert.Equal(2, TopologyOf(request, plan).Election!.SynchroQuorum);
    }

    [Fact]
    public void Two_members_under_manual_failover_need_no_quorum_warning()
    {
        var request = Request(workload: Data, ha: HaStrategy.PassiveFailover) with { Replicas = 2 };

        var plan = Plan(request);

        Assert.Equal(2, plan.InstancesPerReplicaset);
        Assert.DoesNotContain(plan.Warnings, w => w.Code == CapacityPlanValidator.ElectionQuorumCode);
    }

    [Fact]
    public void One_member_is_kept_with_a_warning_that_no_copy_exists()
    {
        var request = Request(workload: Data, environment: DeploymentEnvironment.Development) with { Replicas = 1 };
        var plan = Plan(request);

        Assert.Equal(1, plan.InstancesPerReplicaset);
        Assert.Contains(plan.Warnings, w => w.Code == CapacityPlanValidator.NoRedundancyCode);
        Assert.DoesNotContain(CapacityPlanPhase.Spec.Validate(plan, Context(request)), i => i.Severity == ValidationSeverity.Error);
    }

    [Fact]
    public void Fewer_members_than_sites_are_kept_with_a_warning()
    {
        var request = Request(type: ClusterType.MultiRegion, sharding: true, ha: HaStrategy.DistributedHa, workload: Data with { Regions = 3 }) with { Replicas = 2 };
        var plan = Plan(request);

        Assert.Equal(2, plan.InstancesPerReplicaset);
        Assert.Contains(plan.Warnings, w => w.Code == CapacityPlanValidator.FewerThanSitesCode);
    }

    [Fact]
    public void A_plan_that_ignores_the_requested_count_is_refused()
    {
        var request = Request(workload: Data) with { Replicas = 4 };
        var plan = Plan(request with { Replicas = null });

        var issue = Assert.Single(CapacityPlanPhase.Spec.Validate(plan, Context(request)), i => i.Code == "capacity.instances-per-replicaset");
        Assert.Equal(ValidationSeverity.Error, issue.Severity);
        Assert.Contains("4", issue.Message);
    }

    [Fact]
    public void A_plan_that_keeps_two_members_under_raft_without_the_warning_is_refused()
    {
        var request = Request(workload: Data) with { Replicas = 2 };
        var plan = Plan(request) with { Warnings = [] };

        Assert.Contains(CapacityPlanPhase.Spec.Validate(plan, Context(request)),
            i => i.Severity == ValidationSeverity.Error && i.Code == CapacityPlanValidator.ElectionQuorumCode);
    }

    [Fact]
    public void Two_members_the_plan_chose_itself_in_production_are_still_refused()
    {
        var request = Request(workload: Data);
        var plan = Plan(request) with { InstancesPerReplicaset = 2 };

        Assert.Contains(CapacityPlanPhase.Spec.Validate(plan, Context(request)),
            i => i.Severity == ValidationSeverity.Error && i.Code == "capacity.election-quorum");
    }
}
