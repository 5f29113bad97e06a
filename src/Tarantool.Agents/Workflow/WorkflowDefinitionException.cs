namespace Tarantool.Agents.Workflow;

/// <summary>The prompt and agent files do not form a runnable workflow.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<string> errors)
    : Exception("The workflow definition is invalid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
