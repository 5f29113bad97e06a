using System.Text.Json;
using System.Threading.Channels;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Agents;
using Tarantool.Agents.Models;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Runs a phase whose output is asked in parts (<see cref="ISplitOutputSpec"/>): every part is one call with its own
/// schema, validation and bounded repair, the parts run concurrently, each holding one of the run's
/// <see cref="WorkflowOptions.MaxParallel"/> slots (or one after another with <see cref="WorkflowOptions.Sequential"/>),
/// and each completed part is checkpointed on its own. Then the frame is asked with the parts' digest; its answer is
/// accepted only when the assembled whole passes the phase's validator and narrative rules. The parts are assembled
/// in the output's order, never in the order they finished, so the result does not depend on scheduling.
/// </summary>
internal sealed class SplitPhaseRunner(
    Kernel kernel,
    PromptRenderer prompts,
    ICheckpointStore checkpoints,
    UsageLedger ledger,
    string modelIdentity,
    TimeProvider time)
{
    private sealed record PartRun(PartResult Result, object? Output, JsonElement? OutputJson);

    public async Task<PhaseResult> RunAsync(
        PhasePrompt phase,
        AgentDefinition agent,
        IPhaseOutputSpec spec,
        ISplitOutputSpec split,
        PhaseContext context,
        IReadOnlyList<KeyValuePair<string, object>> inputs,
        WorkflowOptions options,
        SemaphoreSlim? gate,
        ChannelWriter<WorkflowEvent> events,
        CancellationToken cancellationToken)
    {
        var agentJson = JsonSerializer.Serialize(agent, JsonDefaults.Compact);
        var parts = split.Parts;
        var partPrompts = new string[parts.Count];
        for (var i = 0; i < parts.Count; i++)
            partPrompts[i] = await prompts.RenderPartAsync(kernel, phase, spec, parts[i], context, inputs, cancellationToken).ConfigureAwait(false);
        // The phase's hash covers every part prompt and the frame's template: the frame prompt itself depends on the parts' answers.
        var inputHash = WorkflowEngine.Hash([.. partPrompts, phase.Template, agentJson, modelIdentity, spec.Name]);

        if (options.Resume && await checkpoints.LoadAsync(phase.Key, cancellationToken).ConfigureAwait(false) is { } saved && saved.InputHash == inputHash
            && spec.Deserialize(saved.OutputJson) is { } reusedOutput)
        {
            return WorkflowEngine.Complete(phase, spec, context, reusedOutput, saved.OutputJson, saved.Narrative, saved.Warnings, saved.Attempts, saved.DurationMs,
                new PhaseUsage(saved.Calls, saved.InputTokens, saved.OutputTokens), inputHash, reused: true) with { Parts = saved.Parts };
        }

        events.TryWrite(new PhaseStarted(phase.Id, phase.Key, phase.Name, agent.Name));
        var started = time.GetTimestamp();
        var runs = new PartRun[parts.Count];
        if (options.Sequential)
        {
            for (var i = 0; i < parts.Count; i++)
                runs[i] = await RunPartAsync(phase, agent, parts[i], partPrompts[i], agentJson, context, options, gate: null, events, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Task.WhenAll(Enumerable.Range(0, parts.Count).Select(async i =>
                runs[i] = await RunPartAsync(phase, agent, parts[i], partPrompts[i], agentJson, context, options, gate, events, cancellationToken).ConfigureAwait(false))).ConfigureAwait(false);
        }

        var partResults = runs.Select(r => r.Result).ToList();
        var failed = partResults.Where(r => r.Status != PhaseStatus.Succeeded).ToList();
        if (failed.Count > 0)
            return Failed(phase, started, inputHash, partResults, 0, [.. failed.SelectMany(f => f.Errors)], Reason(failed));

        var partOutputs = runs.Select(r => r.Output!).ToList();
        var framePrompt = await prompts.RenderFrameAsync(kernel, phase, spec, split, partOutputs, context.Request, context.Language, inputs, cancellationToken).ConfigureAwait(false);
        var frameSpec = new AssembledFrameSpec(spec, split, partOutputs);
        PhaseAgent.Outcome frame;
        if (gate is not null) await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using (PhaseScope.Enter(phase.Key))
                frame = await new PhaseAgent(kernel, options.MaxAttempts)
                    .RunAsync(agent, frameSpec, framePrompt, context, phase.Tools, (attempt, errors) => events.TryWrite(new PhaseAnswerRejected(phase.Id, phase.Key, attempt, errors)), cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Failed(phase, started, inputHash, partResults, 0, [], ModelErrors.Prefix + ModelErrors.Describe(e));
        }
        finally
        {
            gate?.Release();
        }

        if (!frame.Succeeded)
            return Failed(phase, started, inputHash, partResults, frame.Attempts, frame.Errors,
                $"no valid answer after {frame.Attempts} attempt(s) of the frame; last errors: {string.Join("; ", frame.Errors.Take(5))}");

        var output = split.Assemble(frame.Output!, partOutputs);
        var outputJson = JsonSerializer.SerializeToElement(output, spec.OutputType, JsonDefaults.Indented);
        var duration = (long)time.GetElapsedTime(started).TotalMilliseconds;
        var usage = Total(ledger.For(phase.Key), partResults);
        var attempts = frame.Attempts + partResults.Sum(p => p.Attempts);
        var result = WorkflowEngine.Complete(phase, spec, context, output, outputJson, frame.Narrative, frame.Warnings, attempts, duration, usage, inputHash, reused: false)
            with { Parts = partResults };
        await checkpoints.SaveAsync(new PhaseCheckpoint
        {
            PhaseKey = phase.Key,
            Output = spec.Name,
            InputHash = inputHash,
            Attempts = attempts,
            DurationMs = duration,
            Calls = usage.Calls,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            OutputJson = outputJson,
            Narrative = frame.Narrative,
            Warnings = frame.Warnings,
            Parts = partResults,
        }, cancellationToken).ConfigureAwait(false);
        return result;

        PhaseResult Failed(PhasePrompt p, long since, string hash, List<PartResult> done, int frameAttempts, IReadOnlyList<ValidationIssue> errors, string reason) => new()
        {
            Phase = p,
            Status = PhaseStatus.Failed,
            Attempts = frameAttempts + done.Sum(d => d.Attempts),
            DurationMs = (long)time.GetElapsedTime(since).TotalMilliseconds,
            Usage = Total(ledger.For(p.Key), done),
            InputHash = hash,
            Errors = errors,
            Reason = reason,
            Parts = done,
        };
    }

    /// <summary>The part's key as its usage and progress events name it: <c>documentation.setup</c>.</summary>
    public static string ScopeOf(PhasePrompt phase, IPhasePartSpec part) => $"{phase.Key}.{part.Key}";

    /// <summary>
    /// The part's checkpoint, kept apart from the phases' own (<c>documentation/setup</c>, a subfolder with a file
    /// store): a part's checkpoint is not a completed phase, and is worth nothing once its phase has one.
    /// </summary>
    public static string CheckpointOf(PhasePrompt phase, IPhasePartSpec part) => $"{phase.Key}/{part.Key}";

    private async Task<PartRun> RunPartAsync(
        PhasePrompt phase,
        AgentDefinition agent,
        IPhasePartSpec part,
        string prompt,
        string agentJson,
        PhaseContext context,
        WorkflowOptions options,
        SemaphoreSlim? gate,
        ChannelWriter<WorkflowEvent> events,
        CancellationToken cancellationToken)
    {
        var scope = ScopeOf(phase, part);
        var checkpoint = CheckpointOf(phase, part);
        var hash = WorkflowEngine.Hash(prompt, agentJson, modelIdentity, part.Name);
        if (options.Resume && await checkpoints.LoadAsync(checkpoint, cancellationToken).ConfigureAwait(false) is { } saved && saved.InputHash == hash
            && part.Deserialize(saved.OutputJson) is { } reused)
        {
            return new PartRun(new PartResult
            {
                Key = part.Key,
                Status = PhaseStatus.Succeeded,
                Attempts = saved.Attempts,
                DurationMs = saved.DurationMs,
                Usage = new PhaseUsage(saved.Calls, saved.InputTokens, saved.OutputTokens),
                Reused = true,
            }, reused, saved.OutputJson);
        }

        if (gate is not null) await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        var started = time.GetTimestamp();
        PhaseAgent.Outcome outcome;
        try
        {
            using (PhaseScope.Enter(scope))
                outcome = await new PhaseAgent(kernel, options.MaxAttempts)
                    .RunAsync(agent, part, prompt, context, phase.Tools, (attempt, errors) => events.TryWrite(new PhaseAnswerRejected(phase.Id, scope, attempt, errors)), cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new PartRun(new PartResult
            {
                Key = part.Key,
                Status = PhaseStatus.Failed,
                DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
                Usage = ledger.For(scope),
                Reason = ModelErrors.Prefix + ModelErrors.Describe(e),
            }, null, null);
        }
        finally
        {
            gate?.Release();
        }

        var duration = (long)time.GetElapsedTime(started).TotalMilliseconds;
        var usage = ledger.For(scope);
        if (!outcome.Succeeded)
        {
            return new PartRun(new PartResult
            {
                Key = part.Key,
                Status = PhaseStatus.Failed,
                Attempts = outcome.Attempts,
                DurationMs = duration,
                Usage = usage,
                Errors = outcome.Errors,
                Reason = $"no valid answer after {outcome.Attempts} attempt(s); last errors: {string.Join("; ", outcome.Errors.Take(5))}",
            }, null, null);
        }

        await checkpoints.SaveAsync(new PhaseCheckpoint
        {
            PhaseKey = checkpoint,
            Output = part.Name,
            InputHash = hash,
            Attempts = outcome.Attempts,
            DurationMs = duration,
            Calls = usage.Calls,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            OutputJson = outcome.OutputJson!.Value,
            Narrative = "",
        }, cancellationToken).ConfigureAwait(false);
        return new PartRun(new PartResult
        {
            Key = part.Key,
            Status = PhaseStatus.Succeeded,
            Attempts = outcome.Attempts,
            DurationMs = duration,
            Usage = usage,
        }, outcome.Output, outcome.OutputJson);
    }

    /// <summary>
    /// A model failure keeps its prefix (the CLI shows it as the one line about the endpoint); otherwise every failed
    /// part is named with its reason.
    /// </summary>
    private static string Reason(IReadOnlyList<PartResult> failed)
    {
        var model = failed.FirstOrDefault(f => f.Reason?.StartsWith(ModelErrors.Prefix, StringComparison.Ordinal) == true);
        if (model is not null) return $"{model.Reason} (part {model.Key})";
        return string.Join("; ", failed.Select(f => $"part {f.Key}: {f.Reason}"));
    }

    private static PhaseUsage Total(PhaseUsage frame, IEnumerable<PartResult> parts) =>
        parts.Aggregate(frame, (sum, p) => new PhaseUsage(
            sum.Calls + p.Usage.Calls, sum.InputTokens + p.Usage.InputTokens, sum.OutputTokens + p.Usage.OutputTokens, sum.EstimatedCalls + p.Usage.EstimatedCalls));
}
