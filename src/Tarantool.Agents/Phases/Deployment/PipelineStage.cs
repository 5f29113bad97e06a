using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>A CI/CD stage.</summary>
public sealed record PipelineStage(
    [property: Description("Stable name: lint, validate, deploy, verify...")] string Name,
    [property: Description("What the stage guarantees.")] string Purpose,
    [property: Description("The commands it runs (no secret values, only references such as ${{ secrets.X }}).")] IReadOnlyList<string> Commands);
