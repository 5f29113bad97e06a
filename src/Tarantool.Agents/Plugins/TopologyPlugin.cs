using System.ComponentModel;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Expert.Topology;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Plugins;

/// <summary>
/// Topology as tools: the validator an LLM's ClusterTopology must pass, and the embedded designer's topology as a
/// reference.
/// </summary>
public sealed class TopologyPlugin
{
    [KernelFunction("validate_topology")]
    [Description("Checks a ClusterTopology (JSON) with the phase's validator: names, counts against the capacity plan, failover and election settings, modes, rebalancer, regions, hosts and ports, users and secrets, diagram. Returns the findings as JSON; an empty array means valid.")]
    public string ValidateTopology(
        [Description("The ClusterTopology as JSON.")] string topologyJson,
        [Description("The cluster request as JSON.")] string requestJson,
        [Description("The CapacityPlan of phase 1 as JSON; empty to skip the count checks.")] string capacityPlanJson = "")
    {
        if (!PluginJson.TryRead<ClusterRequest>(requestJson, "requestJson", out var request, out var problem)) return PluginJson.Error(problem!);
        if (!PluginJson.TryRead<ClusterTopology>(topologyJson, "topologyJson", out var topology, out problem)) return PluginJson.Error(problem!);
        var inputs = new Dictionary<string, object>();
        if (!string.IsNullOrWhiteSpace(capacityPlanJson))
        {
            if (!PluginJson.TryRead<CapacityPlan>(capacityPlanJson, "capacityPlanJson", out var plan, out problem)) return PluginJson.Error(problem!);
            inputs[nameof(CapacityPlan)] = plan!;
        }

        return PluginJson.Write(ClusterTopologyPhase.Spec.Validate(topology!, new PhaseContext(request!, Language.En, inputs)));
    }

    [KernelFunction("design_topology")]
    [Description("Designs the reference ClusterTopology (JSON) for a request and its capacity plan: sites and zones, failover, placement on hosts and ports, users, diagram.")]
    public string DesignTopology(
        [Description("The cluster request as JSON.")] string requestJson,
        [Description("The CapacityPlan of phase 1 as JSON; empty to compute it.")] string capacityPlanJson = "",
        [Description("Language of decisions: en or ru.")] string language = "en")
    {
        if (!PluginJson.TryRead<ClusterRequest>(requestJson, "requestJson", out var request, out var problem)) return PluginJson.Error(problem!);
        var lang = PluginJson.ParseLanguage(language);
        CapacityPlan? plan;
        if (string.IsNullOrWhiteSpace(capacityPlanJson)) plan = CapacityCalculator.Plan(request!, lang);
        else if (!PluginJson.TryRead(capacityPlanJson, "capacityPlanJson", out plan, out problem)) return PluginJson.Error(problem!);
        return PluginJson.Write(TopologyDesigner.Design(request!, plan!, lang));
    }
}
