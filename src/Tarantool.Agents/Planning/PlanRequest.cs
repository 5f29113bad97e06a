using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Planning;

/// <summary>A resolved request, ready to run: what to design, in which language, where to write it and how.</summary>
/// <param name="Force">Overwrite files of an existing bundle that were edited by hand since its run.</param>
public sealed record PlanRequest(
    ClusterRequest Request,
    Language Language,
    IReadOnlyDictionary<string, ValueSource> Sources,
    string OutputPath,
    WorkflowOptions Options,
    bool Force = false)
{
    /// <summary>
    /// Warnings known before the phases run (the intake's, e.g. a figure read from the text with a risky reading);
    /// they open <c>bundle.json</c>'s top-level <c>warnings[]</c> and the terminal summary.
    /// </summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    /// <summary>A plan for an intake result that resolved: its request, language, sources and warnings.</summary>
    public static PlanRequest From(Intake.IntakeResult intake, string outputPath, WorkflowOptions options)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var request = intake.Request ?? throw new ArgumentException("The intake did not resolve a request.", nameof(intake));
        return new PlanRequest(request, intake.Language, intake.Sources, outputPath, options)
        {
            Warnings = [.. intake.Warnings.Select(w => new RunWarning(IntakeSource, intake.ModelWarnings.Contains(w) ? ModelReadingCode : IntakeCode, w))],
        };
    }

    /// <summary>The <c>source</c> of intake warnings in <c>bundle.json</c>.</summary>
    public const string IntakeSource = "intake";

    /// <summary>The <c>code</c> of intake warnings: a figure or phrase intake found but did not use as written.</summary>
    public const string IntakeCode = "intake.text-not-used";

    /// <summary>The <c>code</c> of intake warnings about the model's reading: a disagreement with the rules, a value only
    /// the model read, or a model that could not read the description.</summary>
    public const string ModelReadingCode = "intake.model-reading";
}
