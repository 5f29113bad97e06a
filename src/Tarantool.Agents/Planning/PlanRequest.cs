using Tarantool.Agents.Engine;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Planning;

/// <summary>A resolved request, ready to run: what to design, in which language, where to write it and how.</summary>
/// <param name="Force">Overwrite files of an existing bundle that were edited by hand since its run.</param>
public sealed record PlanRequest(
    ClusterRequest Request,
    Language Language,
    IReadOnlyDictionary<string, ValueSource> Sources,
    string OutputPath,
    WorkflowOptions Options,
    bool Force = false);
