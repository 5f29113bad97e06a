using Microsoft.SemanticKernel;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Plugins;

/// <summary>The domain logic exposed to LLM agents as kernel functions (tools).</summary>
public static class DomainPlugins
{
    public const string CapacityPluginName = "capacity";
    public const string TopologyPluginName = "topology";

    /// <summary>The names a phase may list under <c>tools:</c> in its prompt file.</summary>
    public static readonly IReadOnlyList<string> Names = [CapacityPluginName, TopologyPluginName];

    public static IReadOnlyList<KernelPlugin> Create() =>
    [
        // The product's JSON dialect (camelCase, kebab-case enums) for arguments and results, as in every prompt.
        KernelPluginFactory.CreateFromObject(new CapacityPlugin(), JsonDefaults.Compact, CapacityPluginName),
        KernelPluginFactory.CreateFromObject(new TopologyPlugin(), JsonDefaults.Compact, TopologyPluginName),
    ];
}
