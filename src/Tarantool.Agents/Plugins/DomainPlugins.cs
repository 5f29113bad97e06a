using Microsoft.SemanticKernel;

namespace Tarantool.Agents.Plugins;

/// <summary>The domain logic exposed to LLM agents as kernel functions (tools).</summary>
public static class DomainPlugins
{
    public static IReadOnlyList<KernelPlugin> Create() =>
    [
    ];
}
