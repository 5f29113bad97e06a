namespace Tarantool.Agents.Agents;

/// <summary>A persona from <c>agents/*.yaml</c>: who answers a phase and with which settings.</summary>
public sealed record AgentDefinition
{
    public required string Name { get; init; }
    public required string Description { get; init; }

    /// <summary>The system instructions the agent is given for every phase it runs.</summary>
    public required string Instructions { get; init; }

    public AgentExecutionSettings ExecutionSettings { get; init; } = new();
}

/// <summary>Model settings of an agent; null leaves the provider's default.</summary>
public sealed record AgentExecutionSettings
{
    public double? Temperature { get; init; }
    public double? TopP { get; init; }
    public int? MaxOutputTokens { get; init; }
}
