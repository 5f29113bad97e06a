namespace Tarantool.Agents.Tests.Support;

/// <summary>The theory form of <see cref="ToolFactAttribute"/>: needs every tool named.</summary>
public sealed class ToolTheoryAttribute : TheoryAttribute
{
    public ToolTheoryAttribute(params string[] tools)
    {
        var missing = tools.Where(t => !ExternalTool.Exists(t)).ToList();
        if (missing.Count > 0 && !ExternalTool.IsCi)
            Skip = $"not installed: {string.Join(", ", missing)} (apt-get install -y {string.Join(" ", missing.Select(ExternalTool.Package).Distinct())}; .ci/run installs them); set CI=true to make this a failure.";
    }
}
