using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Agents;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Validation;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Runs one phase as an agent: the persona's instructions as the system message, the rendered phase prompt as
/// the user message, the typed output's JSON schema as the response format, and as tools the functions of the kernel
/// plugins the phase declares (<c>tools:</c> in its prompt file).
/// Each answer is parsed and validated; an invalid one gets the errors back, for a bounded number of attempts.
/// </summary>
public sealed class PhaseAgent(Kernel kernel, int maxAttempts)
{
    /// <summary>The outcome of asking the model.</summary>
    public sealed record Outcome(bool Succeeded, int Attempts, object? Output, JsonElement? OutputJson, string Narrative,
        IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings);

    public async Task<Outcome> RunAsync(
        AgentDefinition agent,
        IPhaseOutputSpec spec,
        string prompt,
        PhaseContext context,
        IReadOnlyCollection<string> tools,
        Action<int, IReadOnlyList<ValidationIssue>> onRejected,
        CancellationToken cancellationToken = default)
    {
        var chat = kernel.GetRequiredService<IChatClient>();
        var options = CreateOptions(agent, spec, tools);
        List<ChatMessage> messages = [new(ChatRole.System, agent.Instructions), new(ChatRole.User, prompt)];
        IReadOnlyList<ValidationIssue> errors = [];

        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            var text = response.Text;
            var judged = Judge(spec, context, text, response.FinishReason);
            if (judged.Errors.Count == 0)
                return new Outcome(true, attempt, judged.Output, judged.OutputJson, judged.Narrative, [], judged.Warnings);

            errors = judged.Errors;
            onRejected(attempt, errors);
            // A cut-off answer fills the output limit: sent back, it would crowd the next answer out of the context
            // window, and the model has nothing to learn from its own unfinished JSON.
            messages.Add(new ChatMessage(ChatRole.Assistant, response.FinishReason == ChatFinishReason.Length ? TruncatedPlaceholder : text));
            messages.Add(new ChatMessage(ChatRole.User, RepairRequest(spec, errors)));
        }

        return new Outcome(false, maxAttempts, null, null, "", errors, []);
    }

    private const string TruncatedPlaceholder = "(The previous answer was cut off at the output token limit and is left out.)";

    private ChatOptions CreateOptions(AgentDefinition agent, IPhaseOutputSpec spec, IReadOnlyCollection<string> declared)
    {
        var tools = kernel.Plugins
            .Where(plugin => declared.Contains(plugin.Name, StringComparer.Ordinal))
            // The plugin's AsAIFunctions names each tool PluginName_FunctionName, the names the prompts and tests use.
            .SelectMany(plugin => plugin.AsAIFunctions(kernel))
            .Select(function => (AITool)new StandardSchemaTool(function))
            .ToList();
        return new ChatOptions
        {
            Temperature = (float?)agent.ExecutionSettings.Temperature,
            TopP = (float?)agent.ExecutionSettings.TopP,
            MaxOutputTokens = agent.ExecutionSettings.MaxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(spec.AnswerSchema, spec.Name, $"The {spec.Name} phase answer."),
            Tools = tools.Count > 0 ? tools : null,
        };
    }

    private static (object? Output, JsonElement? OutputJson, string Narrative, IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings) Judge(
        IPhaseOutputSpec spec, PhaseContext context, string text, ChatFinishReason? finishReason)
    {
        if (finishReason == ChatFinishReason.Length)
            return Fail(ValidationIssue.Error("answer.truncated", "The answer was cut off at the output token limit; answer again, more concisely, with the complete JSON object."));
        if (!AnswerParser.TryParse(text, out var answer, out var parseError))
            return Fail(ValidationIssue.Error("answer.unparseable", parseError));

        var schemaErrors = AnswerSchemaValidator.Validate(spec, answer);
        if (schemaErrors.Count > 0) return (null, null, "", schemaErrors, []);

        object? output;
        var outputJson = answer.GetProperty("output");
        try
        {
            output = spec.Deserialize(outputJson);
        }
        catch (JsonException e)
        {
            return Fail(ValidationIssue.Error("answer.output-type", $"The output does not read as {spec.Name}: {e.Message}"));
        }

        if (output is null) return Fail(ValidationIssue.Error("answer.output-null", "The output is null."));
        // A part of a split phase has no narrative (no sections): the frame writes the phase's.
        var narrative = answer.TryGetProperty("narrative", out var written) ? written.GetString() ?? "" : "";
        List<ValidationIssue> issues;
        try
        {
            issues = [.. spec.Validate(output, context)];
            if (spec.Sections.Count > 0) issues.AddRange(NarrativeValidator.Validate(narrative, spec.Sections, context.Language));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NullReferenceException or FormatException or IndexOutOfRangeException)
        {
            // A validator that trips over an odd answer must not crash the run: the answer is simply invalid.
            return Fail(ValidationIssue.Error("answer.unusable", $"The output could not be checked ({e.GetType().Name}: {e.Message}); make every field complete and consistent."));
        }

        var errors = issues.Where(i => i.Severity == ValidationSeverity.Error).ToList();
        var warnings = issues.Where(i => i.Severity == ValidationSeverity.Warning).ToList();
        return (output, outputJson.Clone(), narrative, errors, warnings);

        static (object?, JsonElement?, string, IReadOnlyList<ValidationIssue>, IReadOnlyList<ValidationIssue>) Fail(ValidationIssue issue) => (null, null, "", [issue], []);
    }

    private static string RepairRequest(IPhaseOutputSpec spec, IReadOnlyList<ValidationIssue> errors) =>
        $"""
        Your answer was rejected by validation. Fix every problem below and answer again with the complete JSON object
        {"{"}"output": <{spec.Name}>{(spec.Sections.Count > 0 ? ", \"narrative\": \"<markdown>\"" : "")}{"}"} only, no text around it.

        {string.Join("\n", errors.Select(e => "- " + e))}
        """;
}
