using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Writes <c>monitoring/alerts.test.yml</c> for <c>promtool test rules</c>: each key alert fires for the
/// broken target only, with its exact labels and annotations.</summary>
public static partial class AlertTestsRenderer
{
    public static BundleFile Render(MonitoringPlan plan, PhaseContext context)
    {
        var tests = AlertTestDesigner.Design(plan, context).Select(test =>
        {
            var expected = test.Expected.Select(labels => (YamlNode)Map(
                ("exp_labels", ExpectedLabels(labels, test.Rule.Severity)),
                ("exp_annotations", Map(
                    ("summary", Str(Expand(test.Rule.Summary, labels))),
                    ("description", Str(Expand(test.Rule.Description, labels))),
                    ("threshold_reason", Str(Expand(test.Rule.ThresholdReason, labels))),
                    ("runbook_url", Str(test.Rule.RunbookUrl))))));
            var check = Map(
                ("eval_time", Str($"{test.EvalMinutes}m")),
                ("alertname", Str(test.Rule.Name)),
                ("exp_alerts", Seq(expected)));
            return (YamlNode)Map(
                ("interval", Str($"{test.IntervalMinutes}m")),
                ("input_series", Seq(test.Series.Select(s => (YamlNode)Map(("series", Str(s.Series)), ("values", Str(s.Values)))))),
                ("alert_rule_test", Seq(check)));
        });
        var root = Map(
            ("rule_files", Seq(Str("alerts.yml"))),
            ("evaluation_interval", Str("1m")),
            ("tests", Seq(tests)));
        return new BundleFile("monitoring/alerts.test.yml", "prometheus-rule-tests",
            Emit(root, $"Unit tests of the {context.Request.ClusterName} alerts. Run from this directory: promtool test rules alerts.test.yml"));
    }

    private static YamlMappingNode ExpectedLabels(IReadOnlyList<(string Name, string Value)> labels, string severity)
    {
        var map = new YamlMappingNode();
        foreach (var (name, value) in labels.Append(("severity", severity)).OrderBy(l => l.Item1, StringComparer.Ordinal))
            map.Add(name, Str(value));
        return map;
    }

    /// <summary>Expands <c>{{ $labels.name }}</c> the way Prometheus' template engine will.</summary>
    public static string Expand(string template, IReadOnlyList<(string Name, string Value)> labels) =>
        LabelReference().Replace(template, m => labels.FirstOrDefault(l => l.Name == m.Groups[1].Value).Value ?? "");

    [GeneratedRegex(@"\{\{\s*\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}")]
    private static partial Regex LabelReference();
}
