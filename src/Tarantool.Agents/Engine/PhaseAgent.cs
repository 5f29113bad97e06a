using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Agents;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Runs one phase as an agent: the persona's instructions as the system message, the rendered phase prompt as
/// the user message, the typed output's JSON schema as the response format, and as tools the functions of the kernel
/// plugins the phase declares (<c>tools:</c> in its prompt file).
/// Each answer is judged in one round (schema, semantic, cross-phase and narrative checks together, see
/// <see cref="AnswerJudge"/>). An invalid one is repaired, for a bounded number of attempts, by a call that carries
/// the prompt, the previous answer once and its errors, never the transcript of every attempt; when the errors are
/// confined to a few fields or the narrative (<see cref="RepairScope"/>), only those are asked for and merged into
/// the previous answer, and the merged whole is judged again.
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
        var system = new ChatMessage(ChatRole.System, agent.Instructions);
        var ask = new ChatMessage(ChatRole.User, prompt);
        List<ChatMessage> messages = [system, ask];
        var callOptions = options;
        RepairScope? scope = null;
        JsonElement? previous = null; // the last whole answer that parsed (merged with its repairs)
        IReadOnlyList<ValidationIssue> errors = [];

        for (var attempt = 1; attempt <= maxAttempts; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var response = await chat.GetResponseAsync(messages, callOptions, cancellationToken).ConfigureAwait(false);
            var text = response.Text;
            AnswerJudge.Judgement judged;
            string shown; // the answer as the next repair shows it to the model
            if (scope is not null && previous is { } whole && response.FinishReason != ChatFinishReason.Length)
            {
                if (scope.TryMerge(whole, text, out var merged, out var mergeError))
                {
                    judged = AnswerJudge.Judge(spec, context, merged);
                    previous = merged;
                    shown = merged.GetRawText();
                }
                else
                {
                    judged = new AnswerJudge.Judgement(null, null, null, "", [ValidationIssue.Error("answer.unparseable", mergeError)], []);
                    shown = text;
                }
            }
            else
            {
                judged = AnswerJudge.Judge(spec, context, text, response.FinishReason);
                previous = judged.Answer;
                // A cut-off answer fills the output limit: sent back, it would crowd the next answer out of the context
                // window, and the model has nothing to learn from its own unfinished JSON.
                shown = response.FinishReason == ChatFinishReason.Length ? TruncatedPlaceholder : text;
            }

            if (judged.Errors.Count == 0)
                return new Outcome(true, attempt, judged.Output, judged.OutputJson, judged.Narrative, [], judged.Warnings);

            errors = judged.Errors;
            onRejected(attempt, errors);
            // The next call is the prompt, this answer once and its errors: a transcript of every attempt would grow
            // with each one and repeat answers the model has already been told are wrong.
            scope = previous is { } kept ? RepairScope.For(spec, kept, errors) : null;
            messages = [system, ask, new ChatMessage(ChatRole.Assistant, shown),
                new ChatMessage(ChatRole.User, scope is null ? RepairRequest(spec, errors) : PartialRepairRequest(scope, errors))];
            callOptions = scope is null ? options : Narrowed(options, spec, scope);
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

    private static string RepairRequest(IPhaseOutputSpec spec, IReadOnlyList<ValidationIssue> errors) =>
        $"""
        Your answer was rejected by validation. Fix every problem below and answer again with the complete JSON object
        {"{"}"output": <{spec.Name}>{(spec.Sections.Count > 0 ? ", \"narrative\": \"<markdown>\"" : "")}{"}"} only, no text around it.

        {string.Join("\n", errors.Select(e => "- " + e))}
        """;

    private static string PartialRepairRequest(RepairScope scope, IReadOnlyList<ValidationIssue> errors) =>
        $"""
        Your answer was checked whole; only these parts of it failed: {scope.Describe()}. Everything else passed and is
        kept as it is. Fix every problem below and answer with the JSON object {scope.Shape} only, holding just those
        parts, each complete (it replaces the same part of your previous answer), no text around it.

        {string.Join("\n", errors.Select(e => "- " + e))}
        """;

    private static ChatOptions Narrowed(ChatOptions options, IPhaseOutputSpec spec, RepairScope scope)
    {
        var narrowed = options.Clone();
        narrowed.ResponseFormat = ChatResponseFormat.ForJsonSchema(scope.Schema, spec.Name, $"The parts of the {spec.Name} phase answer being repaired.");
        return narrowed;
    }
}
