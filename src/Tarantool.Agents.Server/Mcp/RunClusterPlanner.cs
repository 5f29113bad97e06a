using System.Text.Json;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// <c>plan_cluster</c> on <c>/mcp</c>: a run of the service (<see cref="IRunService"/>), followed through its events
/// until it ends, so the run is stored, listed and resumable like any <c>POST /v1/runs</c>; the client gets the run
/// id, its links and <c>bundle://</c> resource URIs.
/// </summary>
internal sealed class RunClusterPlanner(IRunService runs, Func<string> baseUrl) : IClusterPlanner
{
    public async Task<PlanOutcome> PlanAsync(IntakeInput input, IntakeResult intake, Func<PlanProgress, ValueTask> progress, CancellationToken cancellationToken = default)
    {
        RunInfo run;
        try
        {
            run = await runs.SubmitAsync(new RunSubmission(input.Flags, input.Description, input.LanguageOverride), cancellationToken);
        }
        catch (RunInputException e)
        {
            throw new ToolArgumentException(RequestArguments.NameOf(e.Field), RequestArguments.Rename(e.Message));
        }

        var total = run.Phases.Count > 0 ? run.Phases.Count : 10;
        var completed = 0;
        // The run belongs to the service: if the client goes away, it carries on and stays readable through get_run.
        await foreach (var item in runs.WatchAsync(run.Id, 0, cancellationToken))
        {
            var phase = item.Data.ValueKind == JsonValueKind.Object && item.Data.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number
                ? $"{id.GetInt32():00} {(item.Data.TryGetProperty("key", out var key) ? key.GetString() : "")}"
                : null;
            switch (item.Type)
            {
                case RunEventTypes.RunQueued:
                    await progress(new PlanProgress(completed, total, "queued"));
                    break;
                case RunEventTypes.PhaseStarted:
                    await progress(new PlanProgress(completed, total, $"{phase}: started"));
                    break;
                case RunEventTypes.PhaseCompleted:
                    await progress(new PlanProgress(++completed, total, $"{phase}: succeeded"));
                    break;
                case RunEventTypes.PhaseFailed:
                    await progress(new PlanProgress(++completed, total, $"{phase}: failed"));
                    break;
                case RunEventTypes.PhaseSkipped:
                    await progress(new PlanProgress(++completed, total, $"{phase}: skipped"));
                    break;
            }
        }

        var finished = await runs.GetAsync(run.Id, cancellationToken) ?? run;
        var bundle = await runs.BundlePathAsync(run.Id, cancellationToken);
        var root = baseUrl();
        return new PlanOutcome(bundle, path => ServiceBundleResources.UriOf(run.Id, path))
        {
            RunId = run.Id,
            Status = finished.Status,
            Error = finished.Error,
            Links = Links(root, run.Id),
        };
    }

    /// <summary>The run's links on the runs API, absolute when the request's address is known.</summary>
    public static IReadOnlyDictionary<string, string> Links(string baseUrl, string id) => new Dictionary<string, string>
    {
        ["self"] = $"{baseUrl}/v1/runs/{id}",
        ["events"] = $"{baseUrl}/v1/runs/{id}/events",
        ["bundle"] = $"{baseUrl}/v1/runs/{id}/bundle.zip",
        ["files"] = $"{baseUrl}/v1/runs/{id}/files/",
    };
}
