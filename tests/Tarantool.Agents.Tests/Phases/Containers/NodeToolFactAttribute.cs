namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>A fact that needs node and the tests/tools npm modules; skipped visibly when absent unless CI=true.</summary>
public sealed class NodeToolFactAttribute : FactAttribute
{
    public NodeToolFactAttribute()
    {
        if (!ExternalTool.NodeModulesReady && !ExternalTool.InCi)
            Skip = "node or the tests/tools modules are missing (run: npm ci --prefix tests/tools); CI=true makes this a failure.";
    }
}
