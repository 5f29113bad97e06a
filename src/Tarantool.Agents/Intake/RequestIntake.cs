using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// Turns what the engineer gave (flags and a description) into a <see cref="ClusterRequest"/>: command-line flags
/// win over the description, the description over defaults, and every field records where it came from.
/// Nothing is thrown for bad input: every problem becomes an error message saying what to change.
/// </summary>
public static class RequestIntake
{
    public static IntakeResult Resolve(IntakeInput input) => Resolve(input, model: null);

    /// <summary>
    /// As <see cref="Resolve(IntakeInput)"/>, reconciled with a model's reading of the description (see
    /// <see cref="ModelIntake"/>): the model's values come after the rules' and before defaults; where both read a
    /// value and they differ, the rules' is used and a warning gives both; a value only the model read is used with a
    /// warning; the model's unusable values and its failure are warnings, never errors.
    /// </summary>
    public static IntakeResult Resolve(IntakeInput input, ModelReading? model)
    {
        ArgumentNullException.ThrowIfNull(input);
        var description = input.Description ?? "";
        var errors = new List<string>();
        var language = ChooseLanguage(input.LanguageOverride, description, errors);

        var commandLine = FlagValueParser.Parse(input.Flags ?? new Dictionary<string, string>(), FieldOrigin.CommandLine, errors);
        var embedded = EmbeddedFlagParser.Extract(DescriptionText.Normalize(description), errors);
        var descriptionFlags = FlagValueParser.Parse(embedded.Flags, FieldOrigin.DescriptionFlag, errors);
        var prose = DescriptionReader.Read(DescriptionText.Prose(embedded.RemainingText));

        var modelWarnings = new List<string>();
        RequestDraft? modelDraft = null;
        if (model?.Failure is { } failure)
        {
            modelWarnings.Add($"The model could not read the description ({failure}); the rules' reading alone is used.");
        }
        else if (model is not null)
        {
            var unusable = new List<string>();
            var known = model.Values.Where(v => RequestFields.TryFromFlagName(v.Key, out _)).ToDictionary(v => v.Key, v => v.Value);
            modelDraft = FlagValueParser.Parse(known, FieldOrigin.Model, unusable);
            modelWarnings.AddRange(unusable.Select(u => $"{u} The model's value is not used."));
        }

        var overridden = new List<string>();
        var resolved = PrecedenceMerger.Merge(commandLine, descriptionFlags, prose.Parameters, errors, modelDraft, modelWarnings, overridden);
        errors.AddRange(ContradictionRules.Check(resolved));
        errors.AddRange(ContradictionRules.CheckAgainstProse(resolved, prose));
        errors.AddRange(RequestAssembler.MissingRequired(resolved));

        var sources = new Dictionary<string, ValueSource>();
        var request = RequestAssembler.Assemble(resolved, prose.Workload, description.Trim(), sources);
        if (request is not null) errors.AddRange(ContradictionRules.CheckAgainstShape(resolved, request));
        return new IntakeResult(language, request, sources, errors)
        {
            Warnings = [.. prose.Warnings, .. overridden, .. modelWarnings],
            ModelWarnings = modelWarnings,
            ModelEndpointFailure = model?.EndpointFailure,
            PartialRequest = request is null ? RequestAssembler.Partial(resolved, prose.Workload, description.Trim()) : null,
        };
    }

    private static Language ChooseLanguage(string? languageOverride, string description, ICollection<string> errors)
    {
        switch (languageOverride?.Trim().ToLowerInvariant())
        {
            case null or "" or "auto":
                return LanguageDetector.Detect(description);
            case "en":
                return Language.En;
            case "ru":
                return Language.Ru;
            default:
                errors.Add($"--language: '{languageOverride}' is not allowed; use auto, en or ru.");
                return LanguageDetector.Detect(description);
        }
    }
}
