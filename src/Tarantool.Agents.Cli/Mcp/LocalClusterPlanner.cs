using Tarantool.Agents.Bundle;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Server.Mcp;

namespace Tarantool.Agents.Cli.Mcp;

/// <summary>
/// <c>plan_cluster</c> for the stdio server: the same run as <c>plan</c>, in this process, into
/// <c>OUTPUT-ROOT/&lt;cluster-name&gt;-&lt;environment&gt;</c>; the written bundle joins the session's resources.
/// </summary>
internal sealed class LocalClusterPlanner(
    string outputRoot,
    int phaseCount,
    int maxAttempts,
    Func<CancellationToken, Task<BundlePlanner>> createPlanner,
    SessionBundleResources resources) : IClusterPlanner
{
    public async Task<PlanOutcome> PlanAsync(IntakeInput input, IntakeResult intake, Func<PlanProgress, ValueTask> progress, CancellationToken cancellationToken = default)
    {
        var output = Path.Combine(outputRoot, OutputDirectory.DefaultName(intake.Request!));
        var plan = PlanRequest.From(intake, output, new WorkflowOptions { MaxAttempts = maxAttempts });
        var planner = await createPlanner(cancellationToken);
        var completed = 0;
        BundleWritten? written = null;
        await foreach (var item in planner.RunAsync(plan, cancellationToken))
        {
            switch (item)
            {
                case PhaseStarted started:
                    await progress(new PlanProgress(completed, phaseCount, $"{started.Id:00} {started.Key}: started"));
                    break;
                case PhaseCompleted { Result: var result }:
                    await progress(new PlanProgress(++completed, phaseCount, $"{result.Phase.Id:00} {result.Phase.Key}: {(result.Reused ? "reused" : "succeeded")}"));
                    break;
                case PhaseFailed { Result: var result }:
                    await progress(new PlanProgress(++completed, phaseCount, $"{result.Phase.Id:00} {result.Phase.Key}: failed — {result.Reason}"));
                    break;
                case PhaseSkipped { Result: var result }:
                    await progress(new PlanProgress(++completed, phaseCount, $"{result.Phase.Id:00} {result.Phase.Key}: skipped — {result.Reason}"));
                    break;
                case BundleWritten done:
                    written = done;
                    break;
            }
        }

        if (written is null) throw new InvalidOperationException("The run ended without writing its bundle.");
        resources.Add(written.Root);
        var root = Path.GetFullPath(written.Root);
        var failed = written.Manifest.Phases.FirstOrDefault(p => p.Status == "failed");
        return new PlanOutcome(root, path => SessionBundleResources.UriOf(root, path))
        {
            Status = written.Manifest.Status,
            Error = failed is null ? null : $"Phase {failed.Id} {failed.Key} failed: {failed.Reason}. Completed phases are checkpointed in the bundle folder.",
        };
    }
}
