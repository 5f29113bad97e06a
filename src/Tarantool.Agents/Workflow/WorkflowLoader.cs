using Tarantool.Agents.Agents;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tarantool.Agents.Workflow;

/// <summary>Reads <c>agents/*.yaml</c> and <c>prompts/*.yaml</c> from an asset root.</summary>
public static class WorkflowLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static WorkflowDefinition Load(string assetRoot) => Load(assetRoot, PhaseRegistry.Outputs);

    public static WorkflowDefinition Load(string assetRoot, IEnumerable<IPhaseOutputSpec> outputs)
    {
        var agents = ReadAll<AgentDefinition>(Path.Combine(assetRoot, "agents"));
        var prompts = ReadAll<PhasePrompt>(Path.Combine(assetRoot, "prompts"));
        return new WorkflowDefinition(prompts, agents, outputs);
    }

    private static List<T> ReadAll<T>(string folder)
    {
        var items = new List<T>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            try
            {
                items.Add(Yaml.Deserialize<T>(File.ReadAllText(file))
                    ?? throw new WorkflowDefinitionException([$"{file} is empty."]));
            }
            catch (YamlException e)
            {
                throw new WorkflowDefinitionException([$"{file}: {e.Message} {e.InnerException?.Message}".Trim()]);
            }
        }

        return items;
    }
}
