using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>A request with hand-built outputs of phases 1–4, as the platform phases receive them.</summary>
public sealed record PlatformScenario(string Name, ClusterRequest Request, CapacityPlan Capacity, ClusterTopology Topology, BackupPlan Backup, string? ConfigYaml)
{
    public PhaseContext Context(Language language = Language.En, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        var inputs = new Dictionary<string, object>
        {
            [nameof(CapacityPlan)] = Capacity,
            [nameof(ClusterTopology)] = Topology,
            [nameof(BackupPlan)] = Backup,
        };
        var files = new Dictionary<string, string>();
        if (ConfigYaml is not null) files["tarantool/config.yaml"] = ConfigYaml;
        foreach (var (path, content) in extraFiles ?? new Dictionary<string, string>()) files[path] = content;
        return new PhaseContext(Request, language, inputs, files);
    }

    public PlatformScenario WithCloud(CloudProvider cloud) => this with { Request = Request with { CloudProvider = cloud } };

    public override string ToString() => Name;
}
