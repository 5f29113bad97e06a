using System.Text.Json;
using Tarantool.Agents.Expert.Containers;
using Tarantool.Agents.Expert.Monitoring;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>The typed outputs are also the contract of an external model: their JSON must round-trip.</summary>
public sealed class OutputContractTests
{
    [Fact]
    public void Orchestration_plan_round_trips_through_its_json_contract()
    {
        var context = PlatformFixtures.Cartridge().Context();
        var plan = new OrchestrationExpert().Design(context);
        var json = JsonSerializer.SerializeToElement(plan, JsonDefaults.Indented);
        var back = (OrchestrationPlan)ContainersPhase.Spec.Deserialize(json)!;
        Assert.Equal(JsonSerializer.Serialize(plan, JsonDefaults.Indented), JsonSerializer.Serialize(back, JsonDefaults.Indented));
        Assert.Empty(ContainersPhase.Spec.Validate(back, context));
        Assert.Contains("\"workloads\"", ContainersPhase.Spec.AnswerSchema.GetRawText());
    }

    [Fact]
    public void Monitoring_plan_round_trips_through_its_json_contract()
    {
        var context = PlatformFixtures.Sharded().Context();
        var plan = new MonitoringExpert().Design(context);
        var json = JsonSerializer.SerializeToElement(plan, JsonDefaults.Indented);
        var back = (MonitoringPlan)MonitoringPhase.Spec.Deserialize(json)!;
        Assert.Equal(JsonSerializer.Serialize(plan, JsonDefaults.Indented), JsonSerializer.Serialize(back, JsonDefaults.Indented));
        Assert.Empty(MonitoringPhase.Spec.Validate(back, context));
        Assert.Contains("thresholdReason", MonitoringPhase.Spec.AnswerSchema.GetRawText());
    }
}
