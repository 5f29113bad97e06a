namespace Tarantool.Agents.Phases;

/// <summary>
/// Semantic validation of one phase's typed output: content rules and consistency with the phases it depends on.
/// Shape and types are already checked by the output's JSON schema.
/// </summary>
public interface IPhaseValidator<in TOutput> where TOutput : class
{
    IEnumerable<ValidationIssue> Validate(TOutput output, PhaseContext context);
}
