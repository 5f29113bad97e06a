using System.Text.Json;

namespace Tarantool.Agents.Phases;

/// <summary>
/// Everything the engine knows about one phase's output type: its JSON schema, how to read it, the sections its
/// narrative must carry, its semantic validator and its renderer. The phase prompt names the output type; this is
/// the non-generic face of <see cref="PhaseOutputSpec{TOutput}"/>.
/// </summary>
public interface IPhaseOutputSpec
{
    /// <summary>The output type's name as prompts refer to it, e.g. <c>CapacityPlan</c>.</summary>
    string Name { get; }

    Type OutputType { get; }

    /// <summary>The JSON schema of the whole answer (<c>{ output, narrative }</c>), generated from the type.</summary>
    JsonElement AnswerSchema { get; }

    IReadOnlyList<NarrativeSection> Sections { get; }

    /// <summary>
    /// What the validator demands of this request's answer, one line each (values, names, ranges and the figures
    /// that must equal earlier phases' outputs), built from the same rules and data the validator uses, so the prompt
    /// (<c>{{$requirements}}</c>) states them and a model can meet them in its first answer.
    /// </summary>
    IReadOnlyList<string> Requirements(PhaseContext context);

    object? Deserialize(JsonElement output);

    IReadOnlyList<ValidationIssue> Validate(object output, PhaseContext context);

    IReadOnlyList<BundleFile> Render(object output, PhaseContext context);
}
