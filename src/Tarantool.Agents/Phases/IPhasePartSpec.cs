namespace Tarantool.Agents.Phases;

/// <summary>
/// One part of a split output (<see cref="ISplitOutputSpec"/>): its answer schema (<c>{"output": ...}</c>, no
/// narrative), its own validator, and the checks that validator makes, stated for the part's prompt.
/// </summary>
public interface IPhasePartSpec : IPhaseOutputSpec
{
    /// <summary>The key the prompt file's <c>parts:</c> uses, e.g. <c>setup</c>.</summary>
    string Key { get; }
}
