using System.Runtime.CompilerServices;
using System.Text.Json;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Server.Runs;

/// <summary>
/// <see cref="IRunService"/> over a store: validates and queues runs (the executor picks them up), maps stored rows
/// to what clients see, and follows a run's events from the store, woken by the hub.
/// </summary>
internal sealed class RunService(IRunStore store, RunHosting hosting, RunEventHub hub, TimeProvider time) : IRunService
{
    /// <summary>Largest page of <see cref="ListAsync"/>.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How often a watcher looks at the store when nothing woke it (events written by another instance).</summary>
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(1);

    public async Task<RunInfo> SubmitAsync(RunSubmission submission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var intake = Validate(submission);
        if (submission.ReuseFrom is { } previous && (!RunIds.IsWellFormed(previous) || await store.GetAsync(previous, cancellationToken) is null))
            throw new RunInputException(RunSubmissionFields.ReuseFrom, $"'{Shorten(previous)}' is not the id of a run.");

        var plan = PlanRequest.From(intake, "", new Engine.WorkflowOptions());
        var run = new StoredRun(
            RunIds.New(),
            RunStatus.Queued,
            time.GetUtcNow(),
            StartedAt: null,
            FinishedAt: null,
            JsonSerializer.Serialize(submission, RunJson.Options),
            JsonSerializer.Serialize(intake.Request, JsonDefaults.Compact),
            LanguageName(intake.Language),
            RunJson.Serialize(hosting.Workflow.Phases.Select(p => new RunPhase(p.Id, p.Key, p.Name, RunPhase.Pending, 0, false, RunUsage.None)).ToList()),
            RunJson.Serialize(plan.Warnings),
            Error: null,
            submission.ReuseFrom);
        await store.CreateAsync(run, RunJson.Serialize(new { reused_from = run.ReusedFrom }), cancellationToken);
        hub.Published(run.Id);
        hub.Queued();
        return ToInfo(run);
    }

    public async Task<RunInfo?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        RunIds.IsWellFormed(id) && await store.GetAsync(id, cancellationToken) is { } run ? ToInfo(run) : null;

    public async Task<RunPage> ListAsync(int limit, string? after, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > MaxPageSize) throw new RunInputException("limit", $"limit must be between 1 and {MaxPageSize}.");
        if (after is not null && (!RunIds.IsWellFormed(after) || await store.GetAsync(after, cancellationToken) is null))
            throw new RunInputException("after", $"'{Shorten(after)}' is not the id of a run.");
        // One more than asked tells whether another page follows.
        var runs = await store.ListAsync(limit + 1, after, cancellationToken);
        var page = runs.Take(limit).Select(ToInfo).ToList();
        var hasMore = runs.Count > limit;
        return new RunPage(page, hasMore, hasMore ? page[^1].Id : null);
    }

    public async IAsyncEnumerable<RunEvent> WatchAsync(string id, long afterSequence = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!RunIds.IsWellFormed(id) || await store.GetAsync(id, cancellationToken) is null) yield break;
        var last = afterSequence;
        while (true)
        {
            var next = hub.NextEvent(id);
            var events = await store.ReadEventsAsync(id, last, cancellationToken);
            foreach (var item in events)
            {
                last = item.Sequence;
                yield return item;
                if (RunEventTypes.IsFinal(item.Type)) yield break;
            }

            // A client that resumes after the final event gets nothing more; the status and its event are written
            // together, so a final status means the final event was read above.
            if (events.Count == 0 && await store.GetAsync(id, cancellationToken) is { } run && RunStatus.IsFinal(run.Status)) yield break;
            await Task.WhenAny(next, Task.Delay(WatchPoll, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!RunIds.IsWellFormed(id)) return false;
        var outcome = await store.CancelAsync(id, time.GetUtcNow(), RunJson.Serialize(new { reason = "cancelled by a client while queued" }), cancellationToken);
        switch (outcome)
        {
            case CancelOutcome.Cancelled:
                hub.Published(id);
                return true;
            case CancelOutcome.Requested:
                // Stops it now if this instance runs it; otherwise its owner sees the request when it renews the lease.
                hub.CancelExecution(id);
                return true;
            default:
                return false;
        }
    }

    public async Task<string?> BundlePathAsync(string id, CancellationToken cancellationToken = default)
    {
        if (!RunIds.IsWellFormed(id) || await store.GetAsync(id, cancellationToken) is not { } run) return null;
        if (run.Status is not (RunStatus.Succeeded or RunStatus.Failed)) return null;
        var bundle = new RunFolders(hosting.DataDirectory, id).Bundle;
        return File.Exists(Path.Combine(bundle, OutputDirectory.ManifestFile)) ? bundle : null;
    }

    /// <summary>The intake of a submission that passes every check; throws naming the first field at fault.</summary>
    internal static IntakeResult Validate(RunSubmission submission)
    {
        foreach (var key in submission.Parameters.Keys)
        {
            if (!RequestParameters.IsParameter(key))
                throw new RunInputException(key, RequestParameters.UnknownKey(key, RunSubmissionFields.Extra));
        }

        if (RequestParameters.DescriptionProblem(submission.Description ?? "") is { } problem)
            throw new RunInputException(RequestParameters.Description, problem);
        if (RequestParameters.LanguageProblem(submission.Language) is { } language)
            throw new RunInputException(RequestParameters.Language, language);

        var intake = RequestIntake.Resolve(new IntakeInput(submission.Parameters, (submission.Description ?? "").Trim(), submission.Language));
        if (!intake.IsValid)
        {
            var errors = intake.Errors.Count > 0 ? intake.Errors : ["the request could not be resolved."];
            throw new RunInputException(RequestParameters.FieldOf(errors[0]), string.Join(" ", errors));
        }

        return intake;
    }

    internal static string LanguageName(Requests.Language language) => language.ToString().ToLowerInvariant();

    internal static RunInfo ToInfo(StoredRun run) => new(
        run.Id,
        run.Status,
        run.CreatedAt,
        run.StartedAt,
        run.FinishedAt,
        ParseElement(run.RequestJson),
        run.Language,
        JsonSerializer.Deserialize<List<RunPhase>>(run.PhasesJson, RunJson.Options) ?? [],
        JsonSerializer.Deserialize<List<RunWarning>>(run.WarningsJson, RunJson.Options) ?? [],
        run.Error,
        run.ReusedFrom);

    private static JsonElement ParseElement(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
