using System.ComponentModel;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>A Grafana dashboard rendered to <c>monitoring/grafana/&lt;uid&gt;.json</c>.</summary>
public sealed record DashboardPlan
{
    [Description("Dashboard uid and file name, e.g. orders-overview.")]
    public required string Uid { get; init; }

    [Description("Dashboard title.")]

    public required string Title { get; init; }

    [Description("The panels, each one PromQL query.")]

    public required IReadOnlyList<DashboardPanel> Panels { get; init; }
}

public sealed record DashboardPanel(
    [property: Description("Panel title.")] string Title,
    [property: Description("PromQL query over metrics Tarantool really exports.")] string Expression,
    [property: Description("Grafana unit: s, bytes, percent, percentunit, reqps, short.")] string Unit,
    [property: Description("Legend format, e.g. {{instance_name}}.")] string Legend);
