using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Models;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Planning;

/// <summary>
/// Runs a plan end to end: opens and locks the output folder, runs the phase graph on a kernel over the model
/// pipeline, writes the bundle, and clears the checkpoints of a run that completed.
/// </summary>
public sealed class BundlePlanner(
    WorkflowDefinition workflow,
    Func<UsageLedger, IChatClient> chatClientFactory,
    ProviderInfo provider,
    bool withPlugins,
    TimeProvider? timeProvider = null)
{
    public async IAsyncEnumerable<WorkflowEvent> RunAsync(PlanRequest plan, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var directory = OutputDirectory.Open(plan.OutputPath);
        var runLock = RunLock.Acquire(directory);
        try
        {
            // Before any phase runs, so a refused rerun writes nothing at all.
            IReadOnlyList<string> edited = plan.Force ? [] : HandEdits.Find(directory);
            if (edited.Count > 0) throw new OutputDirectoryException(HandEdits.Explain(directory, edited));
        }
        catch
        {
            runLock.Dispose();
            directory.RemoveStateFolderIfEmpty();
            throw;
        }

        directory.RemoveOrphanedTemporaryFiles();
        try
        {
            await foreach (var item in RunLockedAsync(plan, directory, cancellationToken).ConfigureAwait(false))
                yield return item;
        }
        finally
        {
            runLock.Dispose();
            directory.RemoveStateFolderIfEmpty();
        }
    }

    private async IAsyncEnumerable<WorkflowEvent> RunLockedAsync(PlanRequest plan, OutputDirectory directory, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ledger = new UsageLedger();
        var kernel = KernelFactory.Create(chatClientFactory(ledger), withPlugins);
        var checkpoints = new FileCheckpointStore(directory.CheckpointDirectory);
        var engine = new WorkflowEngine(workflow, kernel, checkpoints, ledger, $"{provider.Name}/{provider.Model}", timeProvider);

        WorkflowResult? result = null;
        await foreach (var item in engine.RunAsync(plan.Request, plan.Language, plan.Options, cancellationToken).ConfigureAwait(false))
        {
            if (item is RunCompleted completed) result = completed.Result;
            yield return item;
        }

        var writer = new BundleWriter(directory);
        var manifest = await writer
            .WriteAsync(result!, plan.Request, plan.Sources, plan.Language, provider with { Usage = ledger.Source }, plan.Warnings, cancellationToken)
            .ConfigureAwait(false);
        var removed = writer.Removed;
        if (result!.Succeeded) await checkpoints.ClearAsync(cancellationToken).ConfigureAwait(false);
        yield return new BundleWritten(directory.Root, manifest, result) { Removed = removed };
    }
}
