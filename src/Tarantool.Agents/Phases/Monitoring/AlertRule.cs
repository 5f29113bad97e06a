namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>One Prometheus alerting rule with the reasoning behind its threshold.</summary>
public sealed record AlertRule
{
    /// <summary>One of the shared alert names, e.g. <c>TarantoolInstanceDown</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Rule group in alerts.yml, e.g. <c>tarantool-availability</c>.</summary>
    public required string Group { get; init; }

    /// <summary>PromQL expression; it compares against <see cref="Threshold"/> literally.</summary>
    public required string Expression { get; init; }

    /// <summary>How long the condition must hold before firing, in seconds (0 fires at once).</summary>
    public required int ForSeconds { get; init; }

    /// <summary><c>critical</c> (pages), <c>warning</c> (ticket) or <c>info</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>The number the expression compares against, in the metric's unit.</summary>
    public required double Threshold { get; init; }

    /// <summary>Why this threshold and duration: the formula and the inputs (capacity, backup schedule, election timeout).</summary>
    public required string ThresholdReason { get; init; }

    /// <summary>One-line summary; may use <c>{{ $labels.instance_name }}</c> or <c>{{ $labels.replicaset }}</c>.</summary>
    public required string Summary { get; init; }

    /// <summary>What it means and the first thing to check.</summary>
    public required string Description { get; init; }

    /// <summary>Runbook link: <c>docs/troubleshooting.md#&lt;lowercase alert name&gt;</c>.</summary>
    public required string RunbookUrl { get; init; }
}
