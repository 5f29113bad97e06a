using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Writes <c>monitoring/grafana/provisioning/dashboards.yaml</c>: a Grafana dashboard provider that loads the
/// bundle's dashboards from a directory, the second way in besides the Import dialog. The dashboards read the
/// <c>datasource</c> template variable, so provisioning needs no datasource substitution.
/// </summary>
public static class GrafanaProvisioningRenderer
{
    public const string FilePath = "monitoring/grafana/provisioning/dashboards.yaml";

    /// <summary>Where the provider expects the dashboard JSON files inside the Grafana container or host.</summary>
    public const string DashboardsPath = "/var/lib/grafana/dashboards/tarantool";

    public static BundleFile Render(PhaseContext context)
    {
        var provider = Map(
            ("name", Str($"tarantool-{context.Request.ClusterName}")),
            ("orgId", Int(1)),
            ("folder", Str("Tarantool")),
            ("type", Str("file")),
            ("disableDeletion", Bool(false)),
            ("allowUiUpdates", Bool(false)),
            ("updateIntervalSeconds", Int(60)),
            ("options", Map(("path", Str(DashboardsPath)), ("foldersFromFilesStructure", Bool(false)))));
        var root = Map(("apiVersion", Int(1)), ("providers", Seq((YamlNode)provider)));
        return new BundleFile(FilePath, "grafana-provisioning", Emit(root,
            $"Grafana dashboard provisioning for {context.Request.ClusterName}: copy this file to /etc/grafana/provisioning/dashboards/",
            $"and monitoring/grafana/*.json to {DashboardsPath}/ (on Kubernetes: a ConfigMap with the grafana_dashboard label for the Grafana sidecar)."));
    }
}
