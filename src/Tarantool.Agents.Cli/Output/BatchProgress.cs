using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Cli.Output;

/// <summary>
/// One line per request started, per phase finished and per request finished, so a batch of slow model runs shows
/// where it is; requests run in parallel, so every line names its bundle.
/// </summary>
internal sealed class BatchProgress(CliEnvironment environment, int requestCount, int phaseCount)
{
    private readonly Lock _gate = new();
    private int _finished;

    public void Started(int index, string file, string bundle) =>
        Write($"[{index + 1}/{requestCount}] {bundle}: started ({file})");

    public void Phase(int index, string bundle, WorkflowEvent item)
    {
        var line = item switch
        {
            PhaseCompleted { Result: var r } => $"{r.Phase.Key} {(r.Reused ? "reused" : "done")} ({r.Phase.Id}/{phaseCount})",
            PhaseFailed { Result: var r } => $"{r.Phase.Key} FAILED — {r.Reason}",
            PhaseSkipped { Result: var r } => $"{r.Phase.Key} skipped — {r.Reason}",
            _ => null,
        };
        if (line is not null) Write($"[{index + 1}/{requestCount}] {bundle}: {line}");
    }

    public BatchCommand.Row Finished(int index, BatchCommand.Row row)
    {
        var done = Interlocked.Increment(ref _finished);
        Write($"[{index + 1}/{requestCount}] {(row.Cluster == "-" ? row.File : row.Cluster)}: {row.Status} ({done} of {requestCount} request(s) finished)");
        return row;
    }

    private void Write(string line)
    {
        lock (_gate) environment.Out.WriteLine(line);
    }
}
