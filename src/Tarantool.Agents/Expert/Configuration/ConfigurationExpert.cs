using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Configuration;

/// <summary>Phase 4 expert: turns the capacity plan, topology and backup plan into Tarantool configuration decisions.</summary>
public sealed class ConfigurationExpert : PhaseExpert<ClusterConfiguration>
{
    public override ClusterConfiguration Design(PhaseContext context) =>
        new ConfigurationDesigner(context.Request, context.Get<CapacityPlan>(), context.Get<ClusterTopology>(), context.Get<BackupPlan>()).Design();

    public override string Narrate(ClusterConfiguration output, PhaseContext context) => new ConfigurationNarrative(output, context).Write();
}
