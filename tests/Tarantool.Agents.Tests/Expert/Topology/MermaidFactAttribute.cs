namespace Tarantool.Agents.Tests.Expert.Topology;

/// <summary>
/// A fact that needs the Mermaid parser: it runs when the tool is present, is skipped visibly when it is absent,
/// and runs (and fails) when CI=true, so CI cannot silently lose the check.
/// </summary>
public sealed class MermaidFactAttribute : FactAttribute
{
    public MermaidFactAttribute()
    {
        if (MermaidCheck.Available) return;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) return;
        Skip = $"Mermaid parser not installed (node + mermaid + jsdom in {MermaidCheck.Directory}; run: npm ci --prefix tests/tools); set CI=true to make this a failure.";
    }
}
