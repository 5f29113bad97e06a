using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Models;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Runs the phase graph: a phase starts when the phases it depends on have succeeded, independent phases run
/// concurrently up to <see cref="WorkflowOptions.MaxParallel"/> model calls at once (the parts of a split phase count
/// one each, see <see cref="SplitPhaseRunner"/>), and each completed phase is checkpointed.
/// Progress is a stream of <see cref="WorkflowEvent"/>s ending with <see cref="RunCompleted"/>.
/// </summary>
public sealed class WorkflowEngine(
    WorkflowDefinition workflow,
    Kernel kernel,
    ICheckpointStore checkpoints,
    UsageLedger ledger,
    string modelIdentity,
    TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private readonly PromptRenderer _prompts = new();

    public async IAsyncEnumerable<WorkflowEvent> RunAsync(
        ClusterRequest request,
        Language language,
        WorkflowOptions options,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var events = Channel.CreateUnbounded<WorkflowEvent>(new UnboundedChannelOptions { SingleReader = true });
        var run = Task.Run(async () =>
        {
            try
            {
                var result = await ScheduleAsync(request, language, options, events.Writer, cancellationToken).ConfigureAwait(false);
                events.Writer.TryWrite(new RunCompleted(result));
                events.Writer.Complete();
            }
            catch (Exception e)
            {
                events.Writer.Complete(e);
            }
        }, CancellationToken.None);

        await foreach (var item in events.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            yield return item;
        await run.ConfigureAwait(false);
    }

    private async Task<WorkflowResult> ScheduleAsync(
        ClusterRequest request, Language language, WorkflowOptions options, ChannelWriter<WorkflowEvent> events, CancellationToken cancellationToken)
    {
        var results = new Dictionary<int, Task<PhaseResult>>();
        if (options.Sequential)
        {
            foreach (var phase in workflow.Phases)
            {
                var result = await RunPhaseWhenReadyAsync(phase, request, language, options, results, gate: null, events, cancellationToken).ConfigureAwait(false);
                results[phase.Id] = Task.FromResult(result);
            }
        }
        else
        {
            using var gate = new SemaphoreSlim(options.MaxParallel);
            // Phases are created in id order and depend only on earlier ids, so every dependency task exists already.
            foreach (var phase in workflow.Phases)
                results[phase.Id] = RunPhaseWhenReadyAsync(phase, request, language, options, results, gate, events, cancellationToken);
            await Task.WhenAll(results.Values).ConfigureAwait(false);
        }

        return new WorkflowResult([.. workflow.Phases.Select(p => results[p.Id].Result)]);
    }

    private async Task<PhaseResult> RunPhaseWhenReadyAsync(
        PhasePrompt phase,
        ClusterRequest request,
        Language language,
        WorkflowOptions options,
        IReadOnlyDictionary<int, Task<PhaseResult>> results,
        SemaphoreSlim? gate,
        ChannelWriter<WorkflowEvent> events,
        CancellationToken cancellationToken)
    {
        var dependencies = await Task.WhenAll(phase.DependsOn.Select(id => results[id])).ConfigureAwait(false);
        var blocked = dependencies.Where(d => d.Status != PhaseStatus.Succeeded).Select(d => d.Phase.Key).ToList();
        if (blocked.Count > 0)
        {
            var skipped = new PhaseResult { Phase = phase, Status = PhaseStatus.Skipped, Reason = $"skipped because {string.Join(", ", blocked)} did not succeed" };
            events.TryWrite(new PhaseSkipped(skipped));
            return skipped;
        }

        // A split phase takes a slot per call (each part, then the frame) instead of one for the whole phase, so its
        // parts share the --max-parallel budget with the other phases and never wait for a slot the phase itself holds.
        var split = IsSplit(phase);
        if (gate is not null && !split) await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var result = await RunPhaseAsync(phase, request, language, options, dependencies, split ? gate : null, events, cancellationToken).ConfigureAwait(false);
            events.TryWrite(result.Status == PhaseStatus.Succeeded ? new PhaseCompleted(result) : new PhaseFailed(result));
            return result;
        }
        finally
        {
            if (!split) gate?.Release();
        }
    }

    private bool IsSplit(PhasePrompt phase) => phase.Parts.Count > 0 && workflow.OutputOf(phase) is ISplitOutputSpec;

    private async Task<PhaseResult> RunPhaseAsync(
        PhasePrompt phase,
        ClusterRequest request,
        Language language,
        WorkflowOptions options,
        IReadOnlyList<PhaseResult> dependencies,
        SemaphoreSlim? splitGate,
        ChannelWriter<WorkflowEvent> events,
        CancellationToken cancellationToken)
    {
        var agent = workflow.AgentOf(phase);
        var spec = workflow.OutputOf(phase);
        var inputs = dependencies.OrderBy(d => d.Phase.Id).Select(d => new KeyValuePair<string, object>(d.Phase.Output, d.Output!)).ToList();
        var inputFiles = dependencies.SelectMany(d => d.Files).ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        var context = new PhaseContext(request, language, inputs.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), inputFiles);
        if (IsSplit(phase))
            return await new SplitPhaseRunner(kernel, _prompts, checkpoints, ledger, modelIdentity, _time)
                .RunAsync(phase, agent, spec, (ISplitOutputSpec)spec, context, inputs, options, splitGate, events, cancellationToken).ConfigureAwait(false);
        var prompt = await _prompts.RenderAsync(kernel, phase, spec, request, language, inputs, cancellationToken).ConfigureAwait(false);
        var inputHash = Hash(prompt, JsonSerializer.Serialize(agent, JsonDefaults.Compact), modelIdentity, spec.Name);

        if (options.Resume && await checkpoints.LoadAsync(phase.Key, cancellationToken).ConfigureAwait(false) is { } saved && saved.InputHash == inputHash)
        {
            var output = spec.Deserialize(saved.OutputJson);
            if (output is not null)
                return Complete(phase, spec, context, output, saved.OutputJson, saved.Narrative, saved.Warnings, saved.Attempts, saved.DurationMs,
                    new PhaseUsage(saved.Calls, saved.InputTokens, saved.OutputTokens), inputHash, reused: true);
        }

        events.TryWrite(new PhaseStarted(phase.Id, phase.Key, phase.Name, agent.Name));
        var started = _time.GetTimestamp();
        PhaseAgent.Outcome outcome;
        using (PhaseScope.Enter(phase.Key))
        {
            try
            {
                outcome = await new PhaseAgent(kernel, options.MaxAttempts)
                    .RunAsync(agent, spec, prompt, context, phase.Tools, (attempt, errors) => events.TryWrite(new PhaseAnswerRejected(phase.Id, phase.Key, attempt, errors)), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return new PhaseResult
                {
                    Phase = phase,
                    Status = PhaseStatus.Failed,
                    DurationMs = (long)_time.GetElapsedTime(started).TotalMilliseconds,
                    Usage = ledger.For(phase.Key),
                    InputHash = inputHash,
                    Reason = ModelErrors.Prefix + ModelErrors.Describe(e),
                };
            }
        }

        var duration = (long)_time.GetElapsedTime(started).TotalMilliseconds;
        var usage = ledger.For(phase.Key);
        if (!outcome.Succeeded)
        {
            return new PhaseResult
            {
                Phase = phase,
                Status = PhaseStatus.Failed,
                Attempts = outcome.Attempts,
                DurationMs = duration,
                Usage = usage,
                InputHash = inputHash,
                Errors = outcome.Errors,
                Reason = $"no valid answer after {outcome.Attempts} attempt(s); last errors: {string.Join("; ", outcome.Errors.Take(5))}",
            };
        }

        var result = Complete(phase, spec, context, outcome.Output!, outcome.OutputJson!.Value, outcome.Narrative, outcome.Warnings, outcome.Attempts, duration, usage, inputHash, reused: false);
        await checkpoints.SaveAsync(new PhaseCheckpoint
        {
            PhaseKey = phase.Key,
            Output = spec.Name,
            InputHash = inputHash,
            Attempts = outcome.Attempts,
            DurationMs = duration,
            Calls = usage.Calls,
            InputTokens = usage.InputTokens,
            OutputTokens = usage.OutputTokens,
            OutputJson = outcome.OutputJson!.Value,
            Narrative = outcome.Narrative,
            Warnings = outcome.Warnings,
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    internal static PhaseResult Complete(
        PhasePrompt phase, IPhaseOutputSpec spec, PhaseContext context, object output, JsonElement outputJson, string narrative,
        IReadOnlyList<Phases.ValidationIssue> warnings, int attempts, long durationMs, PhaseUsage usage, string inputHash, bool reused) =>
        new()
        {
            Phase = phase,
            Status = PhaseStatus.Succeeded,
            Attempts = attempts,
            DurationMs = durationMs,
            Usage = usage,
            Reused = reused,
            InputHash = inputHash,
            Output = output,
            OutputJson = outputJson,
            Narrative = narrative,
            Files = spec.Render(output, context),
            Warnings = warnings,
        };

    internal static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u0000", parts))));
}
