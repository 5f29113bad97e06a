using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Planning;

/// <summary>A resolved request, ready to run: what to design, in which language, where to write it and how.</summary>
public sealed record PlanRequest(
    ClusterRequest Request,
    Language Language,
    IReadOnlyDictionary<string, ValueSource> Sources,
    string OutputPath,
    WorkflowOptions Options)
{
    /// <summary>
    /// Warnings known before the phases run (the intake's, e.g. a figure read from the text with a risky reading);
    /// they open <c>bundle.json</c>'s top-level <c>warnings[]</c> and the terminal summary.
    /// </summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];
}
