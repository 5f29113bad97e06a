using Microsoft.Extensions.AI;
using Tarantool.Agents.Models;

namespace Tarantool.Agents.Intake;

/// <summary>
/// LLM-backed intake: with a real provider, the model is asked to read the description too (structured output with
/// <see cref="ReadingSchema"/>, through the same middleware as the phases, so within the model's limits and strict on
/// OpenAI/Azure), and its reading is reconciled with the rules': flags win, the rules win where they read a value
/// (a different model value is a warning with both), the model fills what the rules could not read (with a
/// warning naming it). A model that fails or answers nonsense leaves the rules' reading alone, with a warning; it
/// never fails intake. Offline (the embedded expert) no model is asked: <see cref="RequestIntake.Resolve(IntakeInput)"/>.
/// </summary>
public static class ModelIntake
{
    /// <summary>The <see cref="PhaseScope"/> the intake call is made under.</summary>
    public const string Scope = "intake";

    /// <summary>Most tokens the reading may take: a flat object of a dozen short values.</summary>
    public const int MaxAnswerTokens = 1_024;

    public static async Task<IntakeResult> ResolveAsync(IntakeInput input, IChatClient model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(model);
        var description = (input.Description ?? "").Trim();
        if (description.Length == 0) return RequestIntake.Resolve(input);
        var reading = await ReadAsync(model, description, cancellationToken).ConfigureAwait(false);
        return RequestIntake.Resolve(input, reading);
    }

    private static async Task<ModelReading> ReadAsync(IChatClient model, string description, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(ReadingSchema.Schema, ReadingSchema.Name, "The cluster parameters the description states."),
            Temperature = 0,
            MaxOutputTokens = MaxAnswerTokens,
        };
        try
        {
            using var scope = PhaseScope.Enter(Scope);
            var response = await model.GetResponseAsync(ReadingPrompt.Messages(description), options, cancellationToken).ConfigureAwait(false);
            if (response.FinishReason == ChatFinishReason.Length) return ModelReading.Failed("its answer was cut off at the output limit");
            return ReadingPrompt.Parse(response.Text);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            // The message only: provider errors name the problem (status, reason) and never carry the key.
            return ModelReading.Failed($"the call failed: {Shorten(e.Message)}", Engine.ModelErrors.IsEndpointFailure(e) ? e : null);
        }
    }

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 200 ? line : line[..197] + "...";
    }
}
