namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Renders every file of phase 7: Prometheus config, alert rules and their tests, Grafana dashboards.</summary>
public sealed class MonitoringRenderer : IArtifactRenderer<MonitoringPlan>
{
    public IEnumerable<BundleFile> Render(MonitoringPlan output, PhaseContext context)
    {
        yield return PrometheusConfigRenderer.Render(output, context);
        yield return AlertRulesRenderer.Render(output, context);
        yield return AlertTestsRenderer.Render(output, context);
        foreach (var dashboard in output.Dashboards) yield return GrafanaDashboardRenderer.Render(dashboard, context);
        if (output.Dashboards.Count > 0) yield return GrafanaProvisioningRenderer.Render(context);
        foreach (var file in PrometheusOperatorRenderer.Render(output, context)) yield return file;
    }
}
