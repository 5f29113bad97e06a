using System.Text.Json;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Phases;

/// <summary>Binds one part of a split output to its schema, validator and stated requirements.</summary>
public sealed class PhasePartSpec<TPart> : IPhasePartSpec where TPart : class
{
    private readonly IPhaseValidator<TPart> _validator;
    private readonly Func<PhaseContext, IReadOnlyList<string>> _requirements;
    private readonly Lazy<JsonElement> _answerSchema;

    /// <param name="key">The part's key in the prompt file.</param>
    /// <param name="name">The schema name sent as the response format; the part type's name unless given.</param>
    public PhasePartSpec(string key, IPhaseValidator<TPart> validator, Func<PhaseContext, IReadOnlyList<string>> requirements, string? name = null)
    {
        Key = key;
        Name = name ?? typeof(TPart).Name;
        _validator = validator;
        _requirements = requirements;
        _answerSchema = new Lazy<JsonElement>(() => Phases.AnswerSchema.For(typeof(PartAnswer<TPart>), $"One part ({key}) of a phase answer: {Name}."));
    }

    public string Key { get; }

    public string Name { get; }

    public Type OutputType => typeof(TPart);

    public JsonElement AnswerSchema => _answerSchema.Value;

    /// <summary>None: a part carries no narrative (the frame writes the phase's).</summary>
    public IReadOnlyList<NarrativeSection> Sections => [];

    public object? Deserialize(JsonElement output) => output.Deserialize<TPart>(JsonDefaults.Indented);

    public IReadOnlyList<ValidationIssue> Validate(object output, PhaseContext context) => [.. _validator.Validate((TPart)output, context)];

    /// <summary>Nothing: the whole output renders the files once it is assembled.</summary>
    public IReadOnlyList<BundleFile> Render(object output, PhaseContext context) => [];

    public IReadOnlyList<string> Requirements(PhaseContext context) => _requirements(context);
}
