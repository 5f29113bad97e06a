using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Planning;

/// <summary>The last event of a plan: where the bundle is and what its manifest says.</summary>
public sealed record BundleWritten(string Root, BundleManifest Manifest, WorkflowResult Result) : WorkflowEvent
{
    /// <summary>Files an earlier run wrote into this folder that this run no longer produces, so it removed them.</summary>
    public IReadOnlyList<string> Removed { get; init; } = [];
}
