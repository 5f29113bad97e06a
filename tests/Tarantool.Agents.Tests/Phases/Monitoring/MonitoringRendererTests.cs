using System.Text.Json;
using Tarantool.Agents.Expert.Monitoring;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Phases.Containers;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Monitoring;

public sealed class MonitoringRendererTests
{
    private static IEnumerable<PlatformScenario> Bundles() =>
        PlatformFixtures.All().Concat([
            PlatformFixtures.Sharded(CloudProvider.OnPremises, StorageEngine.Memtx, "manual"),
            PlatformFixtures.ReplicatedProduction(CloudProvider.OnPremises),
            PlatformFixtures.Cartridge(CloudProvider.OnPremises)]);

    private static IReadOnlyList<BundleFile> Render(PlatformScenario scenario)
    {
        var context = scenario.Context();
        return MonitoringPhase.Spec.Render(new MonitoringExpert().Design(context), context);
    }

    [Fact]
    public void Renders_prometheus_alerts_tests_and_a_dashboard()
    {
        var paths = Render(PlatformFixtures.Sharded()).Select(f => f.Path).ToList();
        Assert.Equal(["monitoring/prometheus.yml", "monitoring/alerts.yml", "monitoring/alerts.test.yml", "monitoring/grafana/events-overview.json", GrafanaProvisioningRenderer.FilePath,
            PrometheusOperatorRenderer.PodMonitorPath, PrometheusOperatorRenderer.PrometheusRulePath], paths);
        // Hosts have no Prometheus Operator objects.
        Assert.DoesNotContain(Render(PlatformFixtures.Sharded(CloudProvider.OnPremises)), f => f.Path.StartsWith(PrometheusOperatorRenderer.Directory, StringComparison.Ordinal));
    }

    [Fact]
    public void Prometheus_config_scrapes_every_instance_exactly_once()
    {
        var scenario = PlatformFixtures.Sharded(CloudProvider.OnPremises);
        var stream = new YamlStream();
        stream.Load(new StringReader(Render(scenario).Single(f => f.Path == "monitoring/prometheus.yml").Content));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var job = ((YamlSequenceNode)root["scrape_configs"]).Children.Cast<YamlMappingNode>().Single(j => ((YamlScalarNode)j["job_name"]).Value == "tarantool");
        var targets = ((YamlSequenceNode)job["static_configs"]).Children.Cast<YamlMappingNode>()
            .SelectMany(c => ((YamlSequenceNode)c["targets"]).Children.Select(t => ((YamlScalarNode)t).Value!)).ToList();
        var expected = scenario.Topology.Replicasets.SelectMany(r => r.Instances).Select(i => $"{i.Host}:{i.MetricsPort}").ToList();
        Assert.Equal(expected, targets);
        Assert.Equal("alerts.yml", ((YamlScalarNode)((YamlSequenceNode)root["rule_files"]).Children.Single()).Value);
    }

    [Fact]
    public void Dashboard_is_json_whose_panels_read_the_datasource_variable()
    {
        var json = Render(PlatformFixtures.ReplicatedProduction()).Single(f => f.Path.EndsWith(".json", StringComparison.Ordinal)).Content;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        // Provisioned dashboards never get __inputs substituted: the panels read a datasource variable instead.
        Assert.False(root.TryGetProperty("__inputs", out _));
        Assert.Contains(root.GetProperty("templating").GetProperty("list").EnumerateArray(), v => v.GetProperty("type").GetString() == "datasource" && v.GetProperty("name").GetString() == "datasource");
        Assert.Equal("orders-overview", root.GetProperty("uid").GetString());
        var panels = root.GetProperty("panels").EnumerateArray().ToList();
        Assert.Contains(panels, p => p.GetProperty("targets")[0].GetProperty("expr").GetString()!.Contains("tnt_replication_lag", StringComparison.Ordinal));
        Assert.All(panels, p => Assert.Equal("${datasource}", p.GetProperty("datasource").GetProperty("uid").GetString()));
        Assert.Equal(panels.Count, panels.Select(p => p.GetProperty("id").GetInt32()).Distinct().Count());
    }

    [Fact]
    public void Alert_tests_cover_the_key_alerts()
    {
        var tests = Render(PlatformFixtures.ReplicatedProduction()).Single(f => f.Path == "monitoring/alerts.test.yml").Content;
        foreach (var alert in new[] { AlertNames.InstanceDown, AlertNames.ReplicationLagHigh, AlertNames.ReplicationStopped, AlertNames.MemtxArenaNearlyFull, AlertNames.NoLeader, AlertNames.BackupTooOld, AlertNames.DiskSpaceLow })
            Assert.Contains($"alertname: {alert}\n", tests);
    }

    [Fact]
    public void Files_are_deterministic()
    {
        foreach (var scenario in Bundles())
            Assert.Equal(Render(scenario).Select(f => f.Content), Render(scenario).Select(f => f.Content));
    }

    [ToolFact("promtool")]
    public void Promtool_accepts_config_rules_and_unit_tests()
    {
        foreach (var scenario in Bundles())
        {
            using var bundle = new BundleWriter(Render(scenario));
            var directory = bundle.PathOf("monitoring");
            var (configCode, configOutput) = PromtoolConfigCheck.Run(directory);
            Assert.True(configCode == 0, $"{scenario.Name} check config: {configOutput}");
            foreach (var arguments in new[] { new[] { "check", "rules", "alerts.yml" }, ["test", "rules", "alerts.test.yml"] })
            {
                // The backup alerts' tests simulate more than a day of evaluations: slow on a loaded machine.
                var (exitCode, output) = ExternalTool.Run("promtool", arguments, directory, timeoutSeconds: 600);
                Assert.True(exitCode == 0, $"{scenario.Name} {string.Join(' ', arguments)}: {output}");
            }
        }
    }

    [ToolFact("promtool")]
    public void Promtool_unit_tests_catch_a_vshard_alert_that_cannot_fire()
    {
        var scenario = PlatformFixtures.Sharded(CloudProvider.OnPremises, StorageEngine.Memtx, "manual");
        var context = scenario.Context();
        var plan = new MonitoringExpert().Design(context);
        var files = MonitoringPhase.Spec.Render(plan, context).ToList();
        Assert.Contains($"alertname: {AlertNames.VshardBucketsStuck}\n", files[2].Content);
        // Ship rules whose stuck-buckets alert waits for 100 buckets in flight: the designed test must notice.
        var broken = plan with { Rules = [.. plan.Rules.Select(r => r.Name == AlertNames.VshardBucketsStuck ? r with { Expression = r.Expression.Replace("\"} > 0 unless", "\"} > 100 unless", StringComparison.Ordinal) } : r)] };
        Assert.NotEqual(plan.Rules.Single(r => r.Name == AlertNames.VshardBucketsStuck).Expression, broken.Rules.Single(r => r.Name == AlertNames.VshardBucketsStuck).Expression);
        files[1] = AlertRulesRenderer.Render(broken, context);
        using var bundle = new BundleWriter(files);
        var (exitCode, output) = ExternalTool.Run("promtool", ["test", "rules", "alerts.test.yml"], bundle.PathOf("monitoring"), timeoutSeconds: 600);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(AlertNames.VshardBucketsStuck, output);
    }

    [ToolFact("promtool")]
    public void Promtool_unit_tests_catch_a_wrong_threshold()
    {
        var scenario = PlatformFixtures.ReplicatedProduction();
        var context = scenario.Context();
        var plan = new MonitoringExpert().Design(context);
        var files = MonitoringPhase.Spec.Render(plan, context).ToList();
        // Keep the tests of the designed plan, but ship rules whose lag alert can no longer fire.
        var broken = plan with { Rules = [.. plan.Rules.Select(r => r.Name == AlertNames.ReplicationLagHigh ? r with { Expression = r.Expression.Replace("> 10", "> 1000") } : r)] };
        files[1] = AlertRulesRenderer.Render(broken, context);
        using var bundle = new BundleWriter(files);
        var (exitCode, output) = ExternalTool.Run("promtool", ["test", "rules", "alerts.test.yml"], bundle.PathOf("monitoring"), timeoutSeconds: 600);
        Assert.NotEqual(0, exitCode);
        Assert.Contains(AlertNames.ReplicationLagHigh, output);
    }
}
