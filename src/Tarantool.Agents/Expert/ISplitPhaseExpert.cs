using System.Text.Json;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Expert;

/// <summary>
/// An expert for a phase asked in parts (<see cref="ISplitOutputSpec"/>): it answers each part's prompt with that
/// part alone, and the frame's prompt with the frame and the narrative, written from the parts' digest it was shown.
/// </summary>
public interface ISplitPhaseExpert : IPhaseExpert
{
    /// <summary>The part <paramref name="partKey"/> (e.g. <c>setup</c>) of the phase's output.</summary>
    object AnswerPart(string partKey, PhaseContext context);

    /// <summary>The frame and the phase narrative, from the digest of the parts (the prompt's <c>parts</c> block).</summary>
    ExpertAnswer AnswerFrame(JsonElement digest, PhaseContext context);
}
