using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Planning;

/// <summary>The last event of a plan: where the bundle is and what its manifest says.</summary>
public sealed record BundleWritten(string Root, BundleManifest Manifest, WorkflowResult Result) : WorkflowEvent;
