using System.Globalization;
using System.Text.Json;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Prompts;

/// <summary>Renders a phase prompt with Semantic Kernel's template engine.</summary>
public sealed class PromptRenderer
{
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    /// <summary>The variables every phase template can use.</summary>
    public static readonly IReadOnlyList<string> Variables = ["phase_id", "phase_name", "phase_key", "output_type", "language", "sections", "requirements", "request", "inputs"];

    /// <summary>What a split phase's templates can use besides <see cref="Variables"/>: the frame's <c>frame_output</c> and
    /// <c>parts</c> (the parts' digest), a part's <c>part_key</c>, <c>part_number</c>, <c>part_count</c>, <c>part_task</c> and
    /// <c>part_output</c>; in a part's prompt <c>requirements</c> is what the part's validator demands.</summary>
    public static readonly IReadOnlyList<string> SplitVariables = ["frame_output", "parts", "part_key", "part_number", "part_count", "part_task", "part_output"];

    public Task<string> RenderAsync(
        Kernel kernel,
        PhasePrompt phase,
        IPhaseOutputSpec output,
        ClusterRequest request,
        Language language,
        IEnumerable<KeyValuePair<string, object>> inputs,
        CancellationToken cancellationToken = default) =>
        RenderTemplateAsync(kernel, phase.Key, phase.Template, Arguments(phase, output, request, language, inputs), cancellationToken);

    /// <summary>Renders part <paramref name="part"/> of a split phase from the phase's <see cref="PhasePrompt.PartTemplate"/>.</summary>
    public Task<string> RenderPartAsync(
        Kernel kernel,
        PhasePrompt phase,
        IPhaseOutputSpec output,
        IPhasePartSpec part,
        PhaseContext context,
        IEnumerable<KeyValuePair<string, object>> inputs,
        CancellationToken cancellationToken = default)
    {
        var declared = phase.Parts.FindIndex(p => p.Key == part.Key);
        if (declared < 0 || phase.PartTemplate is null)
            throw new ArgumentException($"Phase {phase.Key} declares no part '{part.Key}' or no partTemplate.", nameof(part));
        var arguments = Arguments(phase, output, context.Request, context.Language, inputs);
        arguments["part_key"] = part.Key;
        arguments["part_number"] = (declared + 1).ToString(CultureInfo.InvariantCulture);
        arguments["part_count"] = phase.Parts.Count.ToString(CultureInfo.InvariantCulture);
        arguments["part_task"] = phase.Parts[declared].Task.Trim();
        arguments["part_output"] = part.Name;
        arguments["requirements"] = Lines(part.Requirements(context));
        return RenderTemplateAsync(kernel, $"{phase.Key}.{part.Key}", phase.PartTemplate, arguments, cancellationToken);
    }

    /// <summary>Renders the frame of a split phase: the phase's template with the digest of its parts.</summary>
    public Task<string> RenderFrameAsync(
        Kernel kernel,
        PhasePrompt phase,
        IPhaseOutputSpec output,
        ISplitOutputSpec split,
        IReadOnlyList<object> parts,
        ClusterRequest request,
        Language language,
        IEnumerable<KeyValuePair<string, object>> inputs,
        CancellationToken cancellationToken = default)
    {
        var arguments = Arguments(phase, output, request, language, inputs);
        arguments["frame_output"] = split.Frame.Name;
        var digest = split.Digest(parts);
        arguments["parts"] = JsonSerializer.Serialize(digest, digest.GetType(), JsonDefaults.Indented);
        return RenderTemplateAsync(kernel, phase.Key, phase.Template, arguments, cancellationToken);
    }

    private static KernelArguments Arguments(PhasePrompt phase, IPhaseOutputSpec output, ClusterRequest request, Language language, IEnumerable<KeyValuePair<string, object>> inputs)
    {
        var given = inputs.ToList();
        var context = new PhaseContext(request, language, given.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal));
        return new()
        {
            ["phase_id"] = phase.Id.ToString(CultureInfo.InvariantCulture),
            ["phase_name"] = phase.Name,
            ["phase_key"] = phase.Key,
            ["output_type"] = output.Name,
            ["language"] = language == Language.Ru ? "Russian" : "English",
            ["sections"] = string.Join("\n", output.Sections.Select(s => $"- ## {s.Heading(language)}")),
            // What the validator will demand, from the rules' own data: the same checks the answer meets afterwards.
            ["requirements"] = Lines(output.Requirements(context)),
            ["request"] = PromptPayload.Request(request, language, phase.DeclaredRequestFields()),
            ["inputs"] = PromptPayload.Inputs(given),
        };
    }

    private static string Lines(IEnumerable<string> lines) => string.Join("\n", lines.Select(line => "- " + line));

    private static async Task<string> RenderTemplateAsync(Kernel kernel, string name, string template, KernelArguments arguments, CancellationToken cancellationToken)
    {
        // Values are JSON we produced ourselves (HTML-sensitive characters escaped), so SK's HTML encoding of
        // variables is not needed and would mangle the JSON quotes.
        var config = new PromptTemplateConfig(template) { Name = name, AllowDangerouslySetContent = true };
        var text = await Factory.Create(config).RenderAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        return text.ReplaceLineEndings("\n").Trim() + "\n";
    }
}
