namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A CI/CD stage.</summary>
/// <param name="Name">Stable name: <c>lint</c>, <c>validate</c>, <c>deploy</c>, <c>verify</c>...</param>
/// <param name="Purpose">What the stage guarantees.</param>
/// <param name="Commands">The commands it runs (no secret values, only references such as <c>${{ secrets.X }}</c>).</param>
public sealed record PipelineStage(string Name, string Purpose, IReadOnlyList<string> Commands);
