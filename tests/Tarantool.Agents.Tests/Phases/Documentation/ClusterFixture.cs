using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Documentation;

/// <summary>A hand-built set of upstream outputs for one cluster, and the contexts phases 9 and 10 see.</summary>
internal sealed record ClusterFixture(string Name, ClusterRequest Request, CapacityPlan Capacity, ClusterTopology Topology, BackupPlan Backup, string? ConfigYaml)
{
    public PhaseContext Context(Language language = Language.En) => Context(language, Topology, Backup);

    public PhaseContext Context(Language language, ClusterTopology topology, BackupPlan? backup = null)
    {
        var inputs = new Dictionary<string, object>
        {
            [nameof(CapacityPlan)] = Capacity,
            [nameof(ClusterTopology)] = topology,
            [nameof(BackupPlan)] = backup ?? Backup,
        };
        var files = new Dictionary<string, string>();
        if (ConfigYaml is not null) files["tarantool/config.yaml"] = ConfigYaml;
        return new PhaseContext(Request, language, inputs, files);
    }

    public override string ToString() => Name;
}
