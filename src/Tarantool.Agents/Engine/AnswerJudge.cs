using System.Text.Json;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Judges one answer in one round: the JSON schema, the semantic validator (with its cross-phase checks) and the
/// narrative rules all run, so a repair can fix every problem at once. A stage runs on whatever the earlier ones
/// left usable, and when it cannot run at all (the answer is cut off or holds no JSON, the output does not read as
/// its type) the finding says so instead of leaving the model to discover the rest one round later.
/// </summary>
internal static class AnswerJudge
{
    /// <summary>The outcome of judging an answer; <see cref="Answer"/> is the parsed answer, when it parsed.</summary>
    public sealed record Judgement(
        JsonElement? Answer,
        object? Output,
        JsonElement? OutputJson,
        string Narrative,
        IReadOnlyList<ValidationIssue> Errors,
        IReadOnlyList<ValidationIssue> Warnings);

    private const string NothingChecked = "The schema, semantic and narrative checks could not run on it.";

    public static Judgement Judge(IPhaseOutputSpec spec, PhaseContext context, string text, ChatFinishReason? finishReason)
    {
        if (finishReason == ChatFinishReason.Length)
            return Failed(ValidationIssue.Error("answer.truncated",
                $"The answer was cut off at the output token limit; answer again, more concisely, with the complete JSON object. {NothingChecked}"));
        if (!AnswerParser.TryParse(text, out var answer, out var parseError))
            return Failed(ValidationIssue.Error("answer.unparseable", $"{parseError} {NothingChecked}"));
        return Judge(spec, context, answer);
    }

    public static Judgement Judge(IPhaseOutputSpec spec, PhaseContext context, JsonElement answer)
    {
        var issues = new List<ValidationIssue>(AnswerSchemaValidator.Validate(spec, answer));
        var schemaFailed = issues.Count > 0;

        object? output = null;
        JsonElement? outputJson = null;
        if (answer.TryGetProperty("output", out var written) || answer.TryGetProperty("Output", out written))
        {
            outputJson = written.Clone();
            try
            {
                output = spec.Deserialize(written);
                if (output is null) issues.Add(ValidationIssue.Error("answer.output-null", "The output is null; the semantic checks could not run."));
            }
            catch (JsonException e)
            {
                issues.Add(ValidationIssue.Error("answer.output-type", $"The output does not read as {spec.Name}: {e.Message} The semantic checks could not run."));
            }
        }

        if (output is not null)
        {
            try
            {
                issues.AddRange(spec.Validate(output, context));
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or FormatException
                or IndexOutOfRangeException or KeyNotFoundException or ArithmeticException)
            {
                // A validator that trips over an odd answer must not crash the run: the answer is simply invalid.
                issues.Add(ValidationIssue.Error("answer.unusable", schemaFailed
                    ? $"The semantic checks could not run on this output ({e.GetType().Name}: {e.Message}); they run once the schema errors are fixed."
                    : $"The output could not be checked ({e.GetType().Name}: {e.Message}); make every field complete and consistent."));
            }
        }

        // The narrative is checked whatever became of the output: its sections and language are independent of it.
        // A part of a split phase has no narrative (no sections): the frame writes the phase's.
        var narrative = answer.TryGetProperty("narrative", out var prose) && prose.ValueKind == JsonValueKind.String ? prose.GetString() ?? "" : "";
        if (spec.Sections.Count > 0) issues.AddRange(NarrativeValidator.Validate(narrative, spec.Sections, context.Language));

        var errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        var warnings = issues.Where(i => i.Severity == ValidationSeverity.Warning).ToList();
        return errors.Count == 0
            ? new Judgement(answer, output, outputJson, narrative, [], warnings)
            : new Judgement(answer, null, null, "", errors, warnings);
    }

    private static Judgement Failed(ValidationIssue issue) => new(null, null, null, "", [issue], []);
}
