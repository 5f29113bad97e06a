using System.Text.Json;

namespace Tarantool.Agents.Phases;

/// <summary>
/// A phase output that is validated and rendered as one (<see cref="IPhaseOutputSpec"/>, delegated to the whole
/// output's spec) but asked in parts (<see cref="ISplitOutputSpec"/>): typed parts, a typed frame, and how they
/// assemble.
/// </summary>
public sealed class SplitOutputSpec<TOutput, TFrame, TPart> : IPhaseOutputSpec, ISplitOutputSpec
    where TOutput : class where TFrame : class where TPart : class
{
    private readonly IPhaseOutputSpec _whole;
    private readonly Func<TFrame, IReadOnlyList<TPart>, TOutput> _assemble;
    private readonly Func<IReadOnlyList<TPart>, object> _digest;

    public SplitOutputSpec(
        IPhaseOutputSpec whole,
        IPhaseOutputSpec frame,
        IReadOnlyList<IPhasePartSpec> parts,
        Func<TFrame, IReadOnlyList<TPart>, TOutput> assemble,
        Func<IReadOnlyList<TPart>, object> digest)
    {
        if (whole.OutputType != typeof(TOutput) || frame.OutputType != typeof(TFrame) || parts.Any(p => p.OutputType != typeof(TPart)))
            throw new ArgumentException("The whole, frame and part specs must be of the spec's output, frame and part types.");
        _whole = whole;
        Frame = frame;
        Parts = parts;
        _assemble = assemble;
        _digest = digest;
    }

    public string Name => _whole.Name;

    public Type OutputType => _whole.OutputType;

    public JsonElement AnswerSchema => _whole.AnswerSchema;

    public IReadOnlyList<NarrativeSection> Sections => _whole.Sections;

    public IReadOnlyList<IPhasePartSpec> Parts { get; }

    public IPhaseOutputSpec Frame { get; }

    /// <summary>The frame's: each part states its own in its prompt.</summary>
    public IReadOnlyList<string> Requirements(PhaseContext context) => Frame.Requirements(context);

    public object? Deserialize(JsonElement output) => _whole.Deserialize(output);

    public IReadOnlyList<ValidationIssue> Validate(object output, PhaseContext context) => _whole.Validate(output, context);

    public IReadOnlyList<BundleFile> Render(object output, PhaseContext context) => _whole.Render(output, context);

    public object Digest(IReadOnlyList<object> parts) => _digest([.. parts.Cast<TPart>()]);

    public object Assemble(object frame, IReadOnlyList<object> parts) => _assemble((TFrame)frame, [.. parts.Cast<TPart>()]);
}
