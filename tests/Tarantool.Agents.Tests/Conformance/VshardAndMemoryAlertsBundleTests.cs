using System.Globalization;
using System.Text.RegularExpressions;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Generated bundles of both deployment forms: sharded designs export vshard state and alert on it (with a runbook that
/// exists in the bundle and bucket panels on the dashboard), every design alerts on process memory below the very
/// limit its containers or units run under, and Kubernetes bundles carry Prometheus Operator objects made from the
/// same scrape and rule definitions.
/// </summary>
public sealed partial class VshardAndMemoryAlertsBundleTests
{
    public static TheoryData<string, string> Forms() => new()
    {
        { "vm", "en" }, { "vm", "ru" }, { "kubernetes", "en" }, { "kubernetes", "ru" },
    };

    // The same request as OperationsFollowedBundleTests, so one planned bundle serves both classes.
    private static Task<PlannedBundle> Sharded(string form, string language) => PlannedBundle.PlanAsync(
        "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "3",
        "--cloud-provider", "aws", "--deployment", form, "--language", language,
        "Orders database, 300 GB, 40k read RPS and 5k write RPS, automatic failover");

    private static Task<PlannedBundle> Replicated(string form) => PlannedBundle.PlanAsync(
        "--cluster-name", "accounts", "--cluster-type", "replicated", "--environment", "production",
        "--cloud-provider", "aws", "--deployment", form, "Accounts store, 20 GB, automatic failover");

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Sharded_bundles_alert_on_vshard_state_with_a_runbook_in_the_bundle(string form, string language)
    {
        var bundle = await Sharded(form, language);
        var rules = Rules(bundle["monitoring/alerts.yml"]);
        var troubleshooting = bundle["docs/troubleshooting.md"];
        var headings = Regex.Matches(troubleshooting, @"^###\s+(.+?)\s*$", RegexOptions.Multiline).Select(m => VshardRunbook.Slug(m.Groups[1].Value)).ToHashSet();
        foreach (var name in AlertNames.Vshard)
        {
            var rule = rules.Single(r => Scalar(r, "alert") == name);
            var runbook = Scalar((YamlMappingNode)rule["annotations"], "runbook_url");
            Assert.StartsWith("docs/troubleshooting.md#", runbook);
            Assert.Contains(runbook["docs/troubleshooting.md#".Length..], headings);
            Assert.Contains("tnt_vshard_", Scalar(rule, "expr"));
        }
        // Buckets that block requests page; the others are warnings.
        Assert.Equal("critical", Severity(rules, AlertNames.VshardBucketsStuck));
        Assert.Equal("critical", Severity(rules, AlertNames.VshardRouterBucketsUnreachable));
        Assert.Equal("warning", Severity(rules, AlertNames.VshardBucketsUnbalanced));
        // The rebalancer wakes at most hourly: an imbalance must outlast that before it alerts.
        Assert.True(Seconds(Scalar(rules.Single(r => Scalar(r, "alert") == AlertNames.VshardBucketsUnbalanced), "for")) >= 7200);
        // Every vshard alert is covered by a promtool case.
        var tests = bundle["monitoring/alerts.test.yml"];
        foreach (var name in AlertNames.Vshard) Assert.Contains($"alertname: {name}\n", tests);
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("kubernetes")]
    public async Task The_vshard_collector_ships_with_the_application_and_is_enabled(string form)
    {
        var bundle = await Sharded(form, "en");
        var config = bundle["tarantool/config.yaml"];
        Assert.Matches(@"(?m)^roles: \[(.*, )?app\.roles\.vshard_metrics(, .*)?\]$", config);
        var role = bundle[$"tarantool/{VshardMetricsLua.FilePath}"];
        Assert.Contains("register_callback(vshard_metrics_collect)", role);
        Assert.Contains("vshard.storage.info", role);
        Assert.Contains("vshard.router", role);
        // The image and the VM deployment copy the whole tarantool/ directory, role included.
        if (form == "kubernetes") Assert.Contains("COPY tarantool/ ./", bundle["containers/Dockerfile"]);
        else Assert.Contains("{{ tarantool_bundle_dir }}/tarantool/", string.Join("\n", bundle.Paths.Where(p => p.StartsWith("deploy/ansible/", StringComparison.Ordinal)).Select(p => bundle[p])));
        // The dashboard has the bucket panels the monitoring guide describes.
        var dashboard = bundle[bundle.Paths.Single(p => p.StartsWith("monitoring/grafana/", StringComparison.Ordinal) && p.EndsWith("-overview.json", StringComparison.Ordinal))];
        Assert.Contains("tnt_vshard_storage_buckets{state=\\\"active\\\"", dashboard);
        Assert.Contains("sending|receiving|garbage", dashboard);
        Assert.Contains("tnt_vshard_router_buckets", dashboard);
        Assert.Contains("buckets in flight", bundle["docs/monitoring.md"]);
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("kubernetes")]
    public async Task Non_sharded_bundles_have_no_vshard_alerts_collector_or_panels(string form)
    {
        var bundle = await Replicated(form);
        Assert.DoesNotContain("tnt_vshard", bundle["monitoring/alerts.yml"]);
        Assert.DoesNotContain(bundle.Paths, p => p.EndsWith(VshardMetricsLua.FilePath, StringComparison.Ordinal));
        Assert.DoesNotContain(bundle.Paths, p => p.StartsWith("monitoring/", StringComparison.Ordinal) && bundle[p].Contains("vshard", StringComparison.Ordinal));
        Assert.DoesNotContain("vshard", bundle["tarantool/config.yaml"]);
    }

    [Theory]
    [InlineData("kubernetes", true)]
    [InlineData("kubernetes", false)]
    [InlineData("vm", true)]
    [InlineData("vm", false)]
    public async Task Memory_alerts_fire_below_the_limit_the_instances_really_run_under(string form, bool sharded)
    {
        var bundle = sharded ? await Sharded(form, "en") : await Replicated(form);
        var rules = Rules(bundle["monitoring/alerts.yml"]);
        var warning = rules.Single(r => Scalar(r, "alert") == AlertNames.MemoryNearLimit);
        var page = rules.Single(r => Scalar(r, "alert") == AlertNames.MemoryAtLimit);
        Assert.Equal("warning", Scalar((YamlMappingNode)warning["labels"], "severity"));
        Assert.Equal("critical", Scalar((YamlMappingNode)page["labels"], "severity"));
        Assert.EndsWith("> 85", Terms(Scalar(warning, "expr"))[0].Expression);
        Assert.EndsWith("> 95", Terms(Scalar(page, "expr"))[0].Expression);

        // The limit in the alert is the one the deployment sets: per role on Kubernetes, the unit's MemoryMax on VMs.
        var limits = form == "kubernetes" ? PodLimits(bundle) : UnitLimit(bundle);
        foreach (var rule in new[] { warning, page })
        {
            var terms = Terms(Scalar(rule, "expr"));
            foreach (var (role, bytes) in limits)
                Assert.Contains(terms, t => t.Bytes == bytes && (t.Role is null || t.Role == role));
            Assert.All(terms, t => Assert.Contains(t.Bytes, limits.Values));
        }
        if (sharded && form == "kubernetes")
            Assert.NotEqual(limits["router"], limits["storage"]);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Kubernetes_bundles_carry_a_pod_monitor_and_a_prometheus_rule_from_the_same_definitions(string language)
    {
        var bundle = await Sharded("kubernetes", language);
        var podMonitor = Yaml(bundle[PrometheusOperatorRenderer.PodMonitorPath]);
        var rule = Yaml(bundle[PrometheusOperatorRenderer.PrometheusRulePath]);
        Assert.Equal("monitoring.coreos.com/v1", Scalar(podMonitor, "apiVersion"));
        Assert.Equal("PodMonitor", Scalar(podMonitor, "kind"));
        Assert.Equal("PrometheusRule", Scalar(rule, "kind"));

        // The rule groups are alerts.yml's, node for node.
        var alerts = Yaml(bundle["monitoring/alerts.yml"]);
        Assert.Equal(Emit(alerts["groups"]), Emit(((YamlMappingNode)rule["spec"])["groups"]));

        // The PodMonitor scrapes what the tarantool job scrapes, labelled the same way (job included).
        var prometheus = Yaml(bundle["monitoring/prometheus.yml"]);
        var job = ((YamlSequenceNode)prometheus["scrape_configs"]).Children.Cast<YamlMappingNode>().Single(j => Scalar(j, "job_name") == "tarantool");
        var endpoint = (YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)podMonitor["spec"])["podMetricsEndpoints"]).Children.Single();
        Assert.Equal(Scalar(job, "metrics_path"), Scalar(endpoint, "path"));
        Assert.Equal("metrics", Scalar(endpoint, "port"));
        var relabel = ((YamlSequenceNode)endpoint["relabelings"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Contains(relabel, r => Scalar(r, "targetLabel") == "job" && Scalar(r, "replacement") == "tarantool");
        var jobTargets = ((YamlSequenceNode)job["relabel_configs"]).Children.Cast<YamlMappingNode>().Where(r => r.Children.ContainsKey("target_label")).Select(r => Scalar(r, "target_label")).ToList();
        foreach (var target in jobTargets) Assert.Contains(relabel, r => Scalar(r, "targetLabel") == target);
        var selector = (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)podMonitor["spec"])["selector"])["matchLabels"];
        Assert.Equal("tarantool", Scalar(selector, "app.kubernetes.io/name"));

        // VM bundles use the plain files only.
        var vm = await Sharded("vm", language);
        Assert.DoesNotContain(vm.Paths, p => p.StartsWith(PrometheusOperatorRenderer.Directory, StringComparison.Ordinal));
        Assert.Contains(PrometheusOperatorRenderer.PodMonitorPath, bundle["docs/monitoring.md"]);
    }

    [NodeToolFact]
    public async Task Prometheus_operator_objects_are_valid_against_the_operator_schemas()
    {
        var bundle = await Sharded("kubernetes", "en");
        using var temp = new TempDirectory();
        var root = bundle.WriteTo(temp.Combine("bundle"));
        var (code, output) = ExternalTool.Run("node", [Path.Combine(ExternalTool.ToolsDirectory, "validate-k8s.mjs"), Path.Combine(root, PrometheusOperatorRenderer.Directory)], ExternalTool.ToolsDirectory);
        Assert.True(code == 0, output);
        Assert.Contains("\"kind\": \"PodMonitor\"", output);
        Assert.Contains("\"kind\": \"PrometheusRule\"", output);
    }

    [ToolFact("promtool")]
    public async Task Promtool_accepts_the_rules_embedded_in_the_prometheus_rule()
    {
        var bundle = await Sharded("kubernetes", "en");
        var rule = Yaml(bundle[PrometheusOperatorRenderer.PrometheusRulePath]);
        using var temp = new TempDirectory();
        var file = temp.Combine("rules.yml");
        File.WriteAllText(file, Emit(new YamlMappingNode { { "groups", ((YamlMappingNode)rule["spec"])["groups"] } }));
        var (code, output) = ExternalTool.Run("promtool", ["check", "rules", file]);
        Assert.True(code == 0, output);
        Assert.Contains("SUCCESS", output);
    }

    private static Dictionary<string, long> PodLimits(PlannedBundle bundle)
    {
        var limits = new Dictionary<string, long>();
        foreach (var path in bundle.Paths.Where(p => p.StartsWith("kubernetes/", StringComparison.Ordinal) && p.EndsWith(".yaml", StringComparison.Ordinal)))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(bundle[path]));
            foreach (var doc in stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>())
            {
                if (!doc.Children.TryGetValue("kind", out var kind) || ((YamlScalarNode)kind).Value != "StatefulSet") continue;
                var template = (YamlMappingNode)((YamlMappingNode)doc["spec"])["template"];
                var role = Scalar((YamlMappingNode)((YamlMappingNode)template["metadata"])["labels"], "tarantool.io/role");
                var container = ((YamlSequenceNode)((YamlMappingNode)template["spec"])["containers"]).Children.Cast<YamlMappingNode>().Single(c => Scalar(c, "name") == "tarantool");
                var memory = Scalar((YamlMappingNode)((YamlMappingNode)container["resources"])["limits"], "memory");
                var mib = long.Parse(Regex.Match(memory, @"^(\d+)Mi$").Groups[1].Value, CultureInfo.InvariantCulture);
                limits[role] = mib * 1024 * 1024;
            }
        }
        Assert.NotEmpty(limits);
        return limits;
    }

    private static Dictionary<string, long> UnitLimit(PlannedBundle bundle)
    {
        var unit = bundle[bundle.Paths.Single(p => p.StartsWith("systemd/", StringComparison.Ordinal) && p.EndsWith("@.service", StringComparison.Ordinal))];
        var mib = long.Parse(Regex.Match(unit, @"(?m)^MemoryMax=(\d+)M$").Groups[1].Value, CultureInfo.InvariantCulture);
        return new Dictionary<string, long> { ["unit"] = mib * 1024 * 1024 };
    }

    private static IReadOnlyList<(string Expression, string? Role, long Bytes)> Terms(string expression) =>
        [.. expression.Split(" or ").Select(term =>
        {
            var match = MemoryTerm().Match(term);
            Assert.True(match.Success, term);
            return (term, match.Groups["role"].Success ? match.Groups["role"].Value : null, long.Parse(match.Groups["bytes"].Value, CultureInfo.InvariantCulture));
        })];

    [GeneratedRegex(@"^100 \* tnt_memory\{job=""tarantool""(, role=""(?<role>[a-z]+)"")?\} / (?<bytes>\d+) > \d+$")]
    private static partial Regex MemoryTerm();

    private static string Severity(IReadOnlyList<YamlMappingNode> rules, string name) =>
        Scalar((YamlMappingNode)rules.Single(r => Scalar(r, "alert") == name)["labels"], "severity");

    private static IReadOnlyList<YamlMappingNode> Rules(string alerts) =>
        [.. ((YamlSequenceNode)Yaml(alerts)["groups"]).Children.Cast<YamlMappingNode>()
            .SelectMany(g => ((YamlSequenceNode)g["rules"]).Children.Cast<YamlMappingNode>())];

    private static YamlMappingNode Yaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string Emit(YamlNode node)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(node)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map[key]).Value!;

    private static int Seconds(string duration) => Regex.Match(duration, @"^(\d+)([smh])$") is { Success: true } m
        ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * (m.Groups[2].Value switch { "h" => 3600, "m" => 60, _ => 1 })
        : throw new FormatException(duration);
}
