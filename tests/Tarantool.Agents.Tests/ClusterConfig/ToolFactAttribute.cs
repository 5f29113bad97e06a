namespace Tarantool.Agents.Tests.ClusterConfig;

/// <summary>
/// A fact that needs an external tool: it runs when the tool is on PATH, fails (does not skip) when CI=true and
/// the tool is missing, and otherwise skips visibly with the install hint.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string installHint)
    {
        if (ExternalTool.Find(tool) is null && !ExternalTool.IsCi)
            Skip = $"'{tool}' is not installed ({installHint}); set CI=true to make this a failure.";
    }
}
