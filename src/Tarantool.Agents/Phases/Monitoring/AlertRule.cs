using System.ComponentModel;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>One Prometheus alerting rule with the reasoning behind its threshold.</summary>
public sealed record AlertRule
{
    [Description("One of the shared alert names, e.g. TarantoolInstanceDown.")]
    public required string Name { get; init; }

    [Description("Rule group in alerts.yml, e.g. tarantool-availability.")]
    public required string Group { get; init; }

    [Description("PromQL expression; it compares against threshold literally.")]
    public required string Expression { get; init; }

    [Description("How long the condition must hold before firing, in seconds (0 fires at once).")]
    public required int ForSeconds { get; init; }

    [OneOf(typeof(MonitoringPlanValidator), nameof(MonitoringPlanValidator.Severities))]

    [Description("critical (pages), warning (ticket) or info.")]
    public required string Severity { get; init; }

    [Description("The number the expression compares against, in the metric's unit.")]
    public required double Threshold { get; init; }

    [Description("Why this threshold and duration: the formula and the inputs (capacity, backup schedule, election timeout).")]
    public required string ThresholdReason { get; init; }

    [Description("One-line summary; may use {{ $labels.instance_name }} or {{ $labels.replicaset }}.")]
    public required string Summary { get; init; }

    [Description("What it means and the first thing to check.")]
    public required string Description { get; init; }

    [Description("Runbook link: docs/troubleshooting.md#<lowercase alert name>.")]
    public required string RunbookUrl { get; init; }
}
