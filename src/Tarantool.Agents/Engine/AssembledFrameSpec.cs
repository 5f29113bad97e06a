using System.Text.Json;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Engine;

/// <summary>
/// The frame call of a split phase as <see cref="PhaseAgent"/> sees it: the frame's schema and type, the phase's
/// narrative sections, and as its validation the phase's own validator over the frame assembled with the parts
/// already accepted, so that the whole is checked exactly as an answer in one call would be.
/// </summary>
internal sealed class AssembledFrameSpec(IPhaseOutputSpec whole, ISplitOutputSpec split, IReadOnlyList<object> parts) : IPhaseOutputSpec
{
    public string Name => split.Frame.Name;

    public Type OutputType => split.Frame.OutputType;

    public JsonElement AnswerSchema => split.Frame.AnswerSchema;

    public IReadOnlyList<NarrativeSection> Sections => whole.Sections;

    public IReadOnlyList<string> Requirements(PhaseContext context) => split.Frame.Requirements(context);

    public object? Deserialize(JsonElement output) => split.Frame.Deserialize(output);

    public IReadOnlyList<ValidationIssue> Validate(object output, PhaseContext context) =>
        [.. split.Frame.Validate(output, context), .. whole.Validate(split.Assemble(output, parts), context)];

    public IReadOnlyList<BundleFile> Render(object output, PhaseContext context) => [];
}
