using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Writes <c>monitoring/grafana/&lt;uid&gt;.json</c>: a dashboard whose panels read the <c>datasource</c> template
/// variable (type datasource, Prometheus), so it works both through the Import dialog and when provisioned from
/// files, where <c>__inputs</c> placeholders such as <c>${DS_PROMETHEUS}</c> are never substituted; with a
/// <c>replicaset</c> variable and one time-series panel per plan panel.
/// </summary>
public static class GrafanaDashboardRenderer
{
    /// <summary>The metric the replicaset variable reads its values from (every instance exports it).</summary>
    public const string VariableMetric = "tnt_info_uptime";

    /// <summary>The datasource template variable every panel and query reads.</summary>
    public const string DatasourceVariable = "datasource";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static BundleFile Render(DashboardPlan dashboard, PhaseContext context)
    {
        var datasource = new JsonObject { ["type"] = "prometheus", ["uid"] = "${" + DatasourceVariable + "}" };
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
                    // No "current": Grafana then selects the default Prometheus datasource, on import and when provisioned.
                    ["name"] = DatasourceVariable, ["label"] = "Prometheus", ["type"] = "datasource",
                    ["query"] = "prometheus", ["regex"] = "", ["refresh"] = 1, ["hide"] = 0,
                    ["includeAll"] = false, ["multi"] = false,
                }, new JsonObject
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
