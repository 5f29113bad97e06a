namespace Tarantool.Agents.Phases;

/// <summary>
/// A typed phase output that carries its own <see cref="PhaseWarning"/>s. The bundle collects them, with the phase's
/// key, into the top-level <c>warnings[]</c>; any phase's output can implement it.
/// </summary>
public interface IReportsWarnings
{
    /// <summary>The risks the design carries, in the request's language; empty when there are none.</summary>
    IReadOnlyList<PhaseWarning> Warnings { get; }
}
