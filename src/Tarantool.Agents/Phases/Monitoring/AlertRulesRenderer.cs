using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>Writes <c>monitoring/alerts.yml</c>: Prometheus rule groups in plan order.</summary>
public static class AlertRulesRenderer
{
    public static BundleFile Render(MonitoringPlan plan, PhaseContext context)
    {
        var groups = Groups(plan);
        return new BundleFile("monitoring/alerts.yml", "prometheus-rules",
            Emit(Map(("groups", Seq(groups))), $"Alerts of {context.Request.ClusterName}; thresholds are explained in the monitoring narrative.", "Check: promtool check rules alerts.yml && promtool test rules alerts.test.yml"));
    }

    /// <summary>The rule groups in plan order: alerts.yml's <c>groups</c> and the PrometheusRule's <c>spec.groups</c>.</summary>
    public static IEnumerable<YamlNode> Groups(MonitoringPlan plan) => plan.Rules.GroupBy(r => r.Group).Select(g => (YamlNode)Map(
        ("name", Str(g.Key)),
        ("rules", Seq(g.Select(Rule)))));

    public static YamlNode Rule(AlertRule rule) => Map(
        ("alert", Str(rule.Name)),
        ("expr", Str(rule.Expression)),
        ("for", rule.ForSeconds > 0 ? Str(PromNumber.Duration(rule.ForSeconds)) : null),
        ("labels", Map(("severity", Str(rule.Severity)))),
        ("annotations", Map(
            ("summary", Str(rule.Summary)),
            ("description", Str(rule.Description)),
            // Why this threshold and this duration: what on-call needs to judge a page, next to the rule itself.
            ("threshold_reason", Str(rule.ThresholdReason)),
            ("runbook_url", Str(rule.RunbookUrl)))));
}
