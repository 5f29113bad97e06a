namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>
/// A fact that needs an executable on PATH. Without it the test is skipped visibly, unless CI=true, where it runs
/// and fails: CI must install its tools.
/// </summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string executable)
    {
        if (ExternalTool.Find(executable) is null && !ExternalTool.InCi)
            Skip = $"{executable} is not installed (apt-get install -y prometheus provides promtool); CI=true makes this a failure.";
    }
}
