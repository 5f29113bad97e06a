using System.Text.Json;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Phases;

/// <summary>Binds a typed output to its schema, validator and renderer.</summary>
public sealed class PhaseOutputSpec<TOutput> : IPhaseOutputSpec where TOutput : class
{
    private readonly IPhaseValidator<TOutput> _validator;
    private readonly IArtifactRenderer<TOutput>? _renderer;
    private readonly Func<PhaseContext, IReadOnlyList<string>>? _requirements;
    private readonly Lazy<JsonElement> _answerSchema;

    /// <param name="name">The name prompts use; the type's name unless given.</param>
    /// <param name="requirements">What <paramref name="validator"/> demands for a request, one line each, for the prompt.</param>
    public PhaseOutputSpec(IPhaseValidator<TOutput> validator, IArtifactRenderer<TOutput>? renderer, IReadOnlyList<NarrativeSection> sections, string? name = null,
        Func<PhaseContext, IReadOnlyList<string>>? requirements = null)
    {
        _requirements = requirements;
        Name = name ?? typeof(TOutput).Name;
        _validator = validator;
        _renderer = renderer;
        Sections = sections;
        // Built when the phase first runs (on its own thread, beside other phases), not when the registry loads.
        _answerSchema = new Lazy<JsonElement>(() => Phases.AnswerSchema.For(typeof(PhaseAnswer<TOutput>), $"The answer of the phase that produces {Name}."));
    }

    public string Name { get; }

    public Type OutputType => typeof(TOutput);

    public JsonElement AnswerSchema => _answerSchema.Value;

    public IReadOnlyList<NarrativeSection> Sections { get; }

    public IReadOnlyList<string> Requirements(PhaseContext context) => _requirements?.Invoke(context) ?? [];

    public object? Deserialize(JsonElement output) => output.Deserialize<TOutput>(JsonDefaults.Indented);

    public IReadOnlyList<ValidationIssue> Validate(object output, PhaseContext context) => [.. _validator.Validate((TOutput)output, context)];

    public IReadOnlyList<BundleFile> Render(object output, PhaseContext context) =>
        _renderer is null ? [] : [.. _renderer.Render((TOutput)output, context)];
}
