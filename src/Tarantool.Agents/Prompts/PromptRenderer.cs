using Microsoft.SemanticKernel;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Prompts;

/// <summary>Renders a phase prompt with Semantic Kernel's template engine.</summary>
public sealed class PromptRenderer
{
    private static readonly KernelPromptTemplateFactory Factory = new() { AllowDangerouslySetContent = true };

    /// <summary>The variables every phase template can use.</summary>
    public static readonly IReadOnlyList<string> Variables = ["phase_id", "phase_name", "phase_key", "output_type", "language", "sections", "request", "inputs"];

    public async Task<string> RenderAsync(
        Kernel kernel,
        PhasePrompt phase,
        IPhaseOutputSpec output,
        ClusterRequest request,
        Language language,
        IEnumerable<KeyValuePair<string, object>> inputs,
        CancellationToken cancellationToken = default)
    {
        // Values are JSON we produced ourselves (HTML-sensitive characters escaped), so SK's HTML encoding of
        // variables is not needed and would mangle the JSON quotes.
        var config = new PromptTemplateConfig(phase.Template) { Name = phase.Key, AllowDangerouslySetContent = true };
        var template = Factory.Create(config);
        var arguments = new KernelArguments
        {
            ["phase_id"] = phase.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["phase_name"] = phase.Name,
            ["phase_key"] = phase.Key,
            ["output_type"] = output.Name,
            ["language"] = language == Language.Ru ? "Russian" : "English",
            ["sections"] = string.Join("\n", output.Sections.Select(s => $"- ## {s.Heading(language)}")),
            ["request"] = PromptPayload.Request(request, language),
            ["inputs"] = PromptPayload.Inputs(inputs),
        };
        var text = await template.RenderAsync(kernel, arguments, cancellationToken).ConfigureAwait(false);
        return text.ReplaceLineEndings("\n").Trim() + "\n";
    }
}
