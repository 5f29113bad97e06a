using System.ComponentModel.DataAnnotations;

namespace Tarantool.Agents.Server.Runs;

/// <summary>The <c>Server</c> settings of the runs executor, validated when <c>serve</c> starts.</summary>
public sealed class RunsOptions
{
    public const string SectionName = "Server";

    /// <summary>Runs executed at once by one server unless configured; more wait in the queue.</summary>
    public const int DefaultMaxConcurrentRuns = 2;

    /// <summary>How long a run's lease lasts without renewal unless configured.</summary>
    public const int DefaultRunLeaseSeconds = 30;

    /// <summary>Runs one server executes at once (<c>Server:MaxConcurrentRuns</c>); the rest wait, queued, oldest first.</summary>
    [Range(1, 64, ErrorMessage = "Server:MaxConcurrentRuns must be between 1 and 64.")]
    public int MaxConcurrentRuns { get; set; } = DefaultMaxConcurrentRuns;

    /// <summary>
    /// Seconds a running run's lease lasts (<c>Server:RunLeaseSeconds</c>); renewed every third of it. When an
    /// instance dies, another may take its runs after this long (a SQLite server takes back its own at start).
    /// </summary>
    [Range(5, 3600, ErrorMessage = "Server:RunLeaseSeconds must be between 5 and 3600.")]
    public int RunLeaseSeconds { get; set; } = DefaultRunLeaseSeconds;

    /// <summary>
    /// Days a finished run (succeeded, failed or cancelled) is kept (<c>Server:RunRetentionDays</c>); older ones are
    /// deleted with their bundle and checkpoints, at start and every hour. 0, the default, keeps every run: a
    /// service must not delete what people may still link to unless its operator chose a limit.
    /// </summary>
    [Range(0, 36500, ErrorMessage = "Server:RunRetentionDays must be between 0 (keep every run) and 36500.")]
    public int RunRetentionDays { get; set; }
}
