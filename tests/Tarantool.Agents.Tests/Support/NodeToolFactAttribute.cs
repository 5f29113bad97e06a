namespace Tarantool.Agents.Tests.Support;

/// <summary>A fact that needs node and the tests/tools npm modules; skipped visibly when absent unless CI=true.</summary>
public sealed class NodeToolFactAttribute : FactAttribute
{
    public const string Reason = "node or the tests/tools modules are missing (run: npm ci --prefix tests/tools); set CI=true to make this a failure.";

    public NodeToolFactAttribute()
    {
        if (!ExternalTool.NodeModulesReady && !ExternalTool.IsCi)
            Skip = Reason;
    }
}
