namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

/// <summary>
/// A fact that needs an external tool: it runs when the tool is on PATH; when it is missing the test is skipped
/// visibly, except under CI=true where a missing tool must fail the run (xunit 2 has no dynamic skip, so the
/// skip reason is decided when the attribute is built).
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (!ShellTools.Exists(tool) && !ShellTools.IsCi)
            Skip = $"{tool} is not installed (apt-get install -y {tool}); set CI=true to make this a failure";
    }
}
