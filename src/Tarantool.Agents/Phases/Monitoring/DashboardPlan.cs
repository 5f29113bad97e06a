namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>A Grafana dashboard rendered to <c>monitoring/grafana/&lt;uid&gt;.json</c>.</summary>
public sealed record DashboardPlan
{
    /// <summary>Dashboard uid and file name, e.g. <c>orders-overview</c>.</summary>
    public required string Uid { get; init; }

    public required string Title { get; init; }

    public required IReadOnlyList<DashboardPanel> Panels { get; init; }
}

/// <param name="Unit">Grafana unit: <c>s</c>, <c>bytes</c>, <c>percent</c>, <c>percentunit</c>, <c>reqps</c>, <c>short</c>.</param>
/// <param name="Legend">Legend format, e.g. <c>{{instance_name}}</c>.</param>
public sealed record DashboardPanel(string Title, string Expression, string Unit, string Legend);
