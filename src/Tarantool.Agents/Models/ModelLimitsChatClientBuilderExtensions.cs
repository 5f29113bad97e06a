using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Wires <see cref="ModelLimitsChatClient"/> into a pipeline.</summary>
public static class ModelLimitsChatClientBuilderExtensions
{
    public static ChatClientBuilder UseModelLimits(this ChatClientBuilder builder, ModelProfile profile, string provider) =>
        builder.Use(inner => new ModelLimitsChatClient(inner, profile, provider));
}
