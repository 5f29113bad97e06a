using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Writes <c>monitoring/grafana/&lt;uid&gt;.json</c>: an importable dashboard whose datasource is the
/// <c>${DS_PROMETHEUS}</c> import input, with a <c>replicaset</c> variable and one time-series panel per plan panel.
/// </summary>
public static class GrafanaDashboardRenderer
{
    /// <summary>The metric the replicaset variable reads its values from (every instance exports it).</summary>
    public const string VariableMetric = "tnt_info_uptime";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BundleFile Render(DashboardPlan dashboard, PhaseContext context)
    {
        var datasource = new JsonObject { ["type"] = "prometheus", ["uid"] = "${DS_PROMETHEUS}" };
        var panels = new JsonArray();
        for (var i = 0; i < dashboard.Panels.Count; i++)
        {
            var panel = dashboard.Panels[i];
            panels.Add(new JsonObject
            {
                ["id"] = i + 1,
                ["type"] = "timeseries",
                ["title"] = panel.Title,
                ["datasource"] = datasource.DeepClone(),
                ["gridPos"] = new JsonObject { ["h"] = 8, ["w"] = 12, ["x"] = i % 2 * 12, ["y"] = i / 2 * 8 },
                ["fieldConfig"] = new JsonObject { ["defaults"] = new JsonObject { ["unit"] = panel.Unit }, ["overrides"] = new JsonArray() },
                ["options"] = new JsonObject
                {
                    ["legend"] = new JsonObject { ["displayMode"] = "table", ["placement"] = "bottom", ["showLegend"] = true, ["calcs"] = new JsonArray("lastNotNull", "max") },
                    ["tooltip"] = new JsonObject { ["mode"] = "multi", ["sort"] = "desc" },
                },
                ["targets"] = new JsonArray(new JsonObject
                {
                    ["refId"] = "A",
                    ["datasource"] = datasource.DeepClone(),
                    ["expr"] = panel.Expression,
                    ["legendFormat"] = panel.Legend,
                }),
            });
        }

        var query = $"label_values({VariableMetric}, replicaset)";
        var root = new JsonObject
        {
            ["__inputs"] = new JsonArray(new JsonObject
            {
                ["name"] = "DS_PROMETHEUS", ["label"] = "Prometheus", ["description"] = "Prometheus that scrapes the cluster (monitoring/prometheus.yml).",
                ["type"] = "datasource", ["pluginId"] = "prometheus", ["pluginName"] = "Prometheus",
            }),
            ["__requires"] = new JsonArray(
                new JsonObject { ["type"] = "grafana", ["id"] = "grafana", ["name"] = "Grafana", ["version"] = "10.0.0" },
                new JsonObject { ["type"] = "datasource", ["id"] = "prometheus", ["name"] = "Prometheus", ["version"] = "1.0.0" },
                new JsonObject { ["type"] = "panel", ["id"] = "timeseries", ["name"] = "Time series", ["version"] = "" }),
            ["annotations"] = new JsonObject { ["list"] = new JsonArray() },
            ["description"] = $"Tarantool cluster {context.Request.ClusterName}: availability, replication, memory, storage and backups.",
            ["editable"] = true,
            ["graphTooltip"] = 1,
            ["id"] = null,
            ["links"] = new JsonArray(),
            ["panels"] = panels,
            ["refresh"] = "30s",
            ["schemaVersion"] = 38,
            ["tags"] = new JsonArray("tarantool", context.Request.ClusterName),
            ["templating"] = new JsonObject
            {
                ["list"] = new JsonArray(new JsonObject
                {
                    ["name"] = "replicaset", ["label"] = "Replicaset", ["type"] = "query",
                    ["datasource"] = datasource.DeepClone(),
                    ["definition"] = query,
                    ["query"] = new JsonObject { ["query"] = query, ["refId"] = "replicaset" },
                    ["includeAll"] = true, ["multi"] = true, ["allValue"] = ".*", ["refresh"] = 2, ["sort"] = 1,
                    ["current"] = new JsonObject { ["text"] = "All", ["value"] = "$__all" },
                }),
            },
            ["time"] = new JsonObject { ["from"] = "now-6h", ["to"] = "now" },
            ["timepicker"] = new JsonObject(),
            ["timezone"] = "utc",
            ["title"] = dashboard.Title,
            ["uid"] = dashboard.Uid,
            ["version"] = 1,
        };
        return new BundleFile($"monitoring/grafana/{dashboard.Uid}.json", "grafana-dashboard", root.ToJsonString(Options) + "\n");
    }
}
