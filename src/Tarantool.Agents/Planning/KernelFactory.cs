using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Tarantool.Agents.Planning;

/// <summary>The Semantic Kernel every phase agent runs on: the model pipeline plus the domain plugins as tools.</summary>
public static class KernelFactory
{
    public static Kernel Create(IChatClient chatClient, bool withPlugins)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chatClient);
        if (withPlugins)
        {
            foreach (var plugin in Plugins.DomainPlugins.Create()) builder.Plugins.Add(plugin);
        }

        return builder.Build();
    }
}
