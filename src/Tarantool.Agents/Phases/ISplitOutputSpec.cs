namespace Tarantool.Agents.Phases;

/// <summary>
/// An output written in parts, each asked in a call of its own, so that no single answer has to be larger than a
/// model can write. The parts are asked concurrently; then the frame (the output's remaining fields and the phase
/// narrative) is asked with a digest of the parts, and the parts and the frame are assembled into the whole output,
/// which the phase's own validator checks as if it had come in one answer.
/// </summary>
public interface ISplitOutputSpec
{
    /// <summary>The parts in assembly order; a phase's prompt file declares them (<c>parts:</c>) by key.</summary>
    IReadOnlyList<IPhasePartSpec> Parts { get; }

    /// <summary>The frame's answer: the output's fields that are not parts, with the phase narrative.</summary>
    IPhaseOutputSpec Frame { get; }

    /// <summary>What the frame prompt shows of the parts (small: the frame call must not carry the parts whole).</summary>
    object Digest(IReadOnlyList<object> parts);

    /// <summary>The whole output from the frame and the parts (in <see cref="Parts"/> order).</summary>
    object Assemble(object frame, IReadOnlyList<object> parts);
}
