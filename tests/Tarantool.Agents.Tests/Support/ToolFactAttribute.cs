namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A fact that needs an external tool: it runs when the tool is on PATH; when it is missing the test is skipped
/// visibly, except under CI=true where it runs and fails (xunit 2 has no dynamic skip, so the decision is made
/// when the attribute is built).
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool, string? installHint = null)
    {
        if (!ExternalTool.Exists(tool) && !ExternalTool.IsCi)
            Skip = $"'{tool}' is not installed ({installHint ?? "apt-get install -y " + ExternalTool.Package(tool)}); set CI=true to make this a failure.";
    }
}
