using System.Text.Json;
using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.Monitoring;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Monitoring and runbooks that work when followed, read from whole bundles of both deployment forms in both
/// languages (a sharded production cluster with election failover): discovery-based scraping on Kubernetes, the
/// backup absence alert, tiered memory and overload alerts, restarts that do not page, a Grafana datasource variable,
/// quorum-aware membership changes, limit-before-memtx scaling, the whole-replicaset restore per form, replica
/// removal through <c>_cluster</c>, point-in-time replay of every replica id, training that fits the form, and
/// Russian guides without English prose, decimal points or empty "(—)" lists.
/// </summary>
public sealed partial class OperationsFollowedBundleTests
{
    public static TheoryData<string, string> Bundles() => new()
    {
        { "vm", "en" }, { "vm", "ru" }, { "kubernetes", "en" }, { "kubernetes", "ru" },
    };

    private static Task<PlannedBundle> Plan(string form, string language) => PlannedBundle.PlanAsync(
        "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "3",
        "--cloud-provider", "aws", "--deployment", form, "--language", language,
        "Orders database, 300 GB, 40k read RPS and 5k write RPS, automatic failover");

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static IReadOnlyList<YamlMappingNode> Rules(PlannedBundle bundle) =>
        [.. ((YamlSequenceNode)Yaml(bundle["monitoring/alerts.yml"])["groups"]).Children.Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())];

    private static YamlMappingNode Rule(PlannedBundle bundle, string name) =>
        Rules(bundle).Single(r => ((YamlScalarNode)r["alert"]).Value == name);

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;

    private static int Seconds(string duration) => Regex.Match(duration, @"^(\d+)([smh])$") is { Success: true } m
        ? int.Parse(m.Groups[1].Value) * (m.Groups[2].Value switch { "h" => 3600, "m" => 60, _ => 1 })
        : throw new FormatException(duration);

    private static IReadOnlyList<string> StorageReplicasets(PlannedBundle bundle)
    {
        using var topology = JsonDocument.Parse(bundle["outputs/02-topology.json"]);
        return [.. topology.RootElement.GetProperty("replicasets").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Where(n => n.StartsWith("storage-", StringComparison.Ordinal))];
    }

    /// <summary>The text of a <c>## </c> section of a guide, up to the next one.</summary>
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf("\n## " + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '## {heading}' section");
        var end = markdown.IndexOf("\n## ", start + 4, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>Prose only: fenced code blocks and inline code removed.</summary>
    private static string Prose(string markdown) =>
        Regex.Replace(Regex.Replace(markdown, "```.*?```", " ", RegexOptions.Singleline), "`[^`\n]*`", " ");

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task A_backup_series_that_never_appears_alerts_per_replicaset(string form, string language)
    {
        var bundle = await Plan(form, language);
        var rule = Rule(bundle, AlertNames.BackupMissing);
        var expression = Scalar(rule, "expr");
        foreach (var replicaset in StorageReplicasets(bundle))
            Assert.Contains($"absent_over_time({MetricCatalog.BackupLastSuccess}{{replicaset=\"{replicaset}\"}}[", expression);
        Assert.DoesNotContain("router", expression);
        Assert.Contains($"alertname: {AlertNames.BackupMissing}", bundle["monitoring/alerts.test.yml"]);
        Assert.Contains($"### {AlertNames.BackupMissing}", bundle["docs/troubleshooting.md"]);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Alerts_cover_memory_tiers_config_errors_and_overload_with_real_metric_names(string form, string language)
    {
        var bundle = await Plan(form, language);
        Assert.Equal("warning", Scalar((YamlMappingNode)Rule(bundle, AlertNames.MemtxArenaNearlyFull)["labels"], "severity"));
        Assert.Equal("critical", Scalar((YamlMappingNode)Rule(bundle, AlertNames.MemtxArenaFull)["labels"], "severity"));
        Assert.Contains("tnt_slab_arena_used_ratio > 90", Scalar(Rule(bundle, AlertNames.MemtxArenaFull), "expr"));
        Assert.Contains("tnt_slab_items_used_ratio > 80", Scalar(Rule(bundle, AlertNames.MemtxItemsNearlyFull), "expr"));
        Assert.Contains("tnt_slab_items_used_ratio > 90", Scalar(Rule(bundle, AlertNames.MemtxItemsFull), "expr"));
        Assert.Equal("tnt_config_alerts{level=\"error\"} > 0", Scalar(Rule(bundle, AlertNames.ConfigErrors), "expr"));
        Assert.StartsWith("tnt_ev_loop_time > ", Scalar(Rule(bundle, AlertNames.EventLoopSlow), "expr"));
        Assert.StartsWith("tnt_net_requests_current > ", Scalar(Rule(bundle, AlertNames.RequestsOverloaded), "expr"));
        foreach (var rule in Rules(bundle))
            foreach (var metric in PromQlMetrics.Names(Scalar(rule, "expr")))
                Assert.True(MetricCatalog.IsKnown(metric), $"{Scalar(rule, "alert")} reads unknown metric {metric}");
        var tests = bundle["monitoring/alerts.test.yml"];
        foreach (var alert in new[] { AlertNames.MemtxArenaFull, AlertNames.MemtxItemsFull, AlertNames.ConfigErrors, AlertNames.EventLoopSlow, AlertNames.RequestsOverloaded })
            Assert.Contains($"alertname: {alert}", tests);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Planned_restarts_do_not_page(string form, string language)
    {
        var bundle = await Plan(form, language);
        using var capacity = JsonDocument.Parse(bundle["outputs/01-capacity-planning.json"]);
        var recovery = capacity.RootElement.GetProperty("snapshotRecoverySeconds").GetInt32();
        foreach (var alert in new[] { AlertNames.InstanceDown, AlertNames.ReplicationStopped })
        {
            var rule = Rule(bundle, alert);
            Assert.Equal("critical", Scalar((YamlMappingNode)rule["labels"], "severity"));
            Assert.True(Seconds(Scalar(rule, "for")) > recovery, $"{alert} pages after {Scalar(rule, "for")}, before a restart that reads the snapshot for {recovery} s is over");
        }
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Kubernetes_scrapes_by_discovery_with_labels_from_it_and_hosts_by_static_targets(string form, string language)
    {
        var bundle = await Plan(form, language);
        var jobs = ((YamlSequenceNode)Yaml(bundle["monitoring/prometheus.yml"])["scrape_configs"]).Children.Cast<YamlMappingNode>().ToList();
        var tarantool = jobs.Single(j => Scalar(j, "job_name") == "tarantool");
        var disk = Scalar(Rule(bundle, AlertNames.DiskSpaceLow), "expr");
        if (form == "kubernetes")
        {
            Assert.False(tarantool.Children.ContainsKey("static_configs"));
            var sd = (YamlMappingNode)((YamlSequenceNode)tarantool["kubernetes_sd_configs"]).Children.Single();
            Assert.Equal("pod", Scalar(sd, "role"));
            Assert.Equal("true", Scalar((YamlMappingNode)sd["attach_metadata"], "node"));
            var relabels = ((YamlSequenceNode)tarantool["relabel_configs"]).Children.Cast<YamlMappingNode>()
                .Where(r => r.Children.ContainsKey("target_label"))
                .ToDictionary(r => Scalar(r, "target_label"), r => ((YamlScalarNode)((YamlSequenceNode)r["source_labels"]).Children[0]).Value);
            Assert.Equal("__meta_kubernetes_node_label_topology_kubernetes_io_zone", relabels["zone"]);
            Assert.Equal("__meta_kubernetes_pod_name", relabels["pod"]);
            Assert.Equal("__meta_kubernetes_namespace", relabels["namespace"]);
            Assert.Equal("__meta_kubernetes_pod_label_tarantool_io_replicaset", relabels["replicaset"]);
            // The disk alert's metrics are scraped here, not assumed from another Prometheus.
            Assert.StartsWith("kubelet_volume_stats_", disk);
            var kubelet = jobs.Single(j => Scalar(j, "job_name") == "kubelet");
            Assert.Contains("kubelet_volume_stats_(available|capacity)_bytes", kubelet.ToString());
            Assert.DoesNotContain(jobs, j => Scalar(j, "job_name") == "node");
        }
        else
        {
            Assert.True(tarantool.Children.ContainsKey("static_configs"));
            Assert.StartsWith("node_filesystem_", disk);
            Assert.Contains(jobs, j => Scalar(j, "job_name") == "node");
        }
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Dashboards_read_a_datasource_variable_and_ship_a_provisioning_file(string form, string language)
    {
        var bundle = await Plan(form, language);
        var dashboards = bundle.Paths.Where(p => p.StartsWith("monitoring/grafana/", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(dashboards);
        foreach (var path in dashboards)
        {
            using var json = JsonDocument.Parse(bundle[path]);
            var root = json.RootElement;
            Assert.False(root.TryGetProperty("__inputs", out _), $"{path}: provisioning never fills __inputs");
            var variable = root.GetProperty("templating").GetProperty("list").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "datasource");
            Assert.Equal("datasource", variable.GetProperty("type").GetString());
            Assert.Equal("prometheus", variable.GetProperty("query").GetString());
            foreach (var panel in root.GetProperty("panels").EnumerateArray())
                Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
        }
        var provisioning = Yaml(bundle[GrafanaProvisioningRenderer.FilePath]);
        var provider = (YamlMappingNode)((YamlSequenceNode)provisioning["providers"]).Children.Single();
        Assert.Equal("file", Scalar(provider, "type"));
        Assert.Equal(GrafanaProvisioningRenderer.DashboardsPath, Scalar((YamlMappingNode)provider["options"], "path"));
    }
}
