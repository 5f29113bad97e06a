using Tarantool.Agents.Phases.CapacityPlanning;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>
/// Semantic rules of a topology, for the embedded expert's answer and an LLM's alike: names and counts (against the
/// capacity plan), failover and election, sites and hosts, users and secrets, and the diagram.
/// </summary>
public sealed class ClusterTopologyValidator : IPhaseValidator<ClusterTopology>
{
    public IEnumerable<ValidationIssue> Validate(ClusterTopology topology, PhaseContext context)
    {
        var issues = new List<ValidationIssue>();
        var plan = context.Find<CapacityPlan>();
        TopologyStructureRules.Check(topology, context.Request, plan, issues);
        TopologyFailoverRules.Check(topology, context.Request, plan, issues);
        TopologyPlacementRules.Check(topology, context.Request, plan, issues);
        TopologySecurityRules.Check(topology, context.Request, issues);
        return issues;
    }
}
