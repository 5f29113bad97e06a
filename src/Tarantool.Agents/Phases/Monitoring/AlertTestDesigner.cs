using System.Globalization;
using Tarantool.Agents.Phases.Containers;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// Designs promtool cases for the rules that use the canonical expressions: one target or replicaset breaks the
/// threshold (the alert must fire with exactly its labels) while a healthy one stays quiet.
/// </summary>
public static class AlertTestDesigner
{
    public static IEnumerable<AlertTestCase> Design(MonitoringPlan plan, PhaseContext context)
    {
        foreach (var rule in plan.Rules)
        {
            if (AlertExpressions.Canonical(rule.Name, rule.Threshold, context) != rule.Expression) continue;
            var test = Case(rule, plan, context);
            if (test is not null) yield return test;
        }
    }

    private static AlertTestCase? Case(AlertRule rule, MonitoringPlan plan, PhaseContext context)
    {
        var targets = plan.Targets;
        if (targets.Count == 0) return null;
        var forMinutes = (rule.ForSeconds + 59) / 60;
        var eval = forMinutes + 3;
        var n = eval + 5;
        var t = rule.Threshold;
        var replicated = targets.Where(x => targets.Count(y => y.Replicaset == x.Replicaset) > 1).ToList();
        var replica = replicated.Skip(1).FirstOrDefault();
        var (bad, good) = (targets[0], targets.Skip(1).FirstOrDefault());

        switch (rule.Name)
        {
            case AlertNames.InstanceDown:
                return PerTarget(rule, "up", bad, good, Flat(0, n), Flat(1, n), eval);
            case AlertNames.ReplicationLagHigh when replica is not null:
                return PerTarget(rule, "tnt_replication_lag", replica, replicated.FirstOrDefault(), Flat(Math.Max(1, t * 3), n), Flat(t / 4, n), eval, ("id", "1"), ("stream", "upstream"));
            case AlertNames.ReplicationStopped when replica is not null:
                return PerTarget(rule, "tnt_replication_status", replica, replicated.FirstOrDefault(), Flat(0, n), Flat(1, n), eval, ("id", "1"), ("stream", "upstream"));
            case AlertNames.MemtxArenaNearlyFull or AlertNames.MemtxArenaFull or AlertNames.MemtxItemsNearlyFull or AlertNames.MemtxItemsFull:
            {
                var ratio = rule.Name is AlertNames.MemtxItemsNearlyFull or AlertNames.MemtxItemsFull ? "tnt_slab_items_used_ratio" : "tnt_slab_arena_used_ratio";
                var high = Math.Min(99.9, t + (100 - t) / 2);
                var series = new List<(string, string)>
                {
                    (Selector("tnt_slab_quota_used_ratio", Labels(bad)), Flat(high, n)),
                    (Selector(ratio, Labels(bad)), Flat(high, n)),
                };
                if (good is not null)
                {
                    // Quota above the threshold but the other ratio below it: the "and" must keep it quiet.
                    series.Add((Selector("tnt_slab_quota_used_ratio", Labels(good)), Flat(high, n)));
                    series.Add((Selector(ratio, Labels(good)), Flat(t / 2, n)));
                }
                return new AlertTestCase(rule, series, eval, [Labels(bad)]);
            }
            case AlertNames.ConfigErrors:
                return PerTarget(rule, "tnt_config_alerts", bad, good, Flat(t + 1, n), Flat(0, n), eval, ("level", "error"));
            case AlertNames.EventLoopSlow:
                return PerTarget(rule, "tnt_ev_loop_time", bad, good, Flat(t * 3, n), Flat(t / 20, n), eval);
            case AlertNames.RequestsOverloaded:
                return PerTarget(rule, "tnt_net_requests_current", bad, good, Flat(t + 100, n), Flat(Math.Floor(t / 20), n), eval);
            case AlertNames.BackupMissing:
            {
                // One replicaset never reports (its job was never admitted); the others report every 10 minutes.
                const int step = 10;
                var minutes = ((int)Math.Ceiling((t + rule.ForSeconds) / 60) + step + step - 1) / step * step;
                var samples = minutes / step + 2;
                var job = plan.BackupFreshness.Exporter == "pushgateway" ? "pushgateway" : "node";
                var replicasets = targets.Where(x => x.Role != "router").Select(x => x.Replicaset).Distinct().ToList();
                if (replicasets.Count == 0) return null;
                var series = replicasets.Skip(1).Select(fresh => (Selector(plan.BackupFreshness.MetricName, [("job", job), ("replicaset", fresh)]), $"0+600x{samples}")).ToList();
                if (series.Count == 0) series.Add((Selector("up", [("job", "tarantool")]), Flat(1, samples)));
                return new AlertTestCase(rule, series, minutes, [[("replicaset", replicasets[0])]], step);
            }
            case AlertNames.LuaMemoryHigh:
                return PerTarget(rule, "tnt_info_memory_lua", bad, good, Flat(t * 2, n), Flat(t / 4, n), eval);
            case AlertNames.ConfigNotReady:
                return PerTarget(rule, "tnt_config_status", bad, good, Flat(0, n), Flat(1, n), eval, ("status", "ready"));
            case AlertNames.VinylRegulatorStalled:
                return PerTarget(rule, "tnt_vinyl_regulator_blocked_writers", bad, good, Flat(t + 3, n), Flat(0, n), eval);
            case AlertNames.TransactionConflictsHigh:
            {
                var commits = 600;
                var conflicts = (int)Math.Ceiling(Math.Min(1, t * 4) * commits);
                var series = new List<(string, string)>
                {
                    (Selector("tnt_vinyl_tx_conflict", Labels(bad)), Ramp(conflicts, n + 5)),
                    (Selector("tnt_vinyl_tx_commit", Labels(bad)), Ramp(commits, n + 5)),
                };
                if (good is not null)
                {
                    series.Add((Selector("tnt_vinyl_tx_conflict", Labels(good)), Flat(0, n + 5)));
                    series.Add((Selector("tnt_vinyl_tx_commit", Labels(good)), Ramp(commits, n + 5)));
                }
                return new AlertTestCase(rule, series, eval + 5, [Labels(bad)]);
            }
            case AlertNames.NoLeader:
            {
                var groups = targets.Where(x => x.Role != "router").GroupBy(x => x.Replicaset).ToList();
                if (groups.Count == 0) return null;
                var series = groups[0].Select(x => (Selector("tnt_election_state", Labels(x)), Flat(0, n))).ToList();
                foreach (var healthy in groups.Skip(1))
                    series.AddRange(healthy.Select((x, i) => (Selector("tnt_election_state", Labels(x)), Flat(i == 0 ? 2 : 0, n))));
                return new AlertTestCase(rule, series, eval, [[("replicaset", groups[0].Key)]]);
            }
            case AlertNames.LeaderChanged:
            {
                var groups = targets.Where(x => x.Role != "router").GroupBy(x => x.Replicaset).ToList();
                if (groups.Count == 0) return null;
                var series = groups[0].Select(x => (Selector("tnt_election_term", Labels(x)), $"1+0x5 2+0x{n}")).ToList();
                foreach (var quiet in groups.Skip(1)) series.AddRange(quiet.Select(x => (Selector("tnt_election_term", Labels(x)), Flat(1, n + 6))));
                return new AlertTestCase(rule, series, 6 + forMinutes + 1, [[("replicaset", groups[0].Key)]]);
            }
            case AlertNames.BackupTooOld:
            {
                var minutes = (int)Math.Ceiling((t + rule.ForSeconds) / 60) + 3;
                var job = plan.BackupFreshness.Exporter == "pushgateway" ? "pushgateway" : "node";
                var replicasets = targets.Where(x => x.Role != "router").Select(x => x.Replicaset).Distinct().ToList();
                var series = new List<(string, string)> { (Selector(plan.BackupFreshness.MetricName, [("job", job), ("replicaset", replicasets[0])]), Flat(0, minutes + 2)) };
                foreach (var fresh in replicasets.Skip(1))
                    series.Add((Selector(plan.BackupFreshness.MetricName, [("job", job), ("replicaset", fresh)]), $"0+60x{minutes + 2}"));
                return new AlertTestCase(rule, series, minutes, [[("replicaset", replicasets[0])]]);
            }
            case AlertNames.DiskSpaceLow:
            {
                const double size = 100_000_000_000;
                List<(string, string)> Volume(IReadOnlyList<(string, string)> labels, double freeRatio, string available, string capacity) =>
                    [(Selector(available, labels), Flat(Math.Round(size * freeRatio), n)), (Selector(capacity, labels), Flat(size, n))];
                if (plan.DiskMetricsSource == "kubelet")
                {
                    var ns = PlatformNaming.Namespace(context.Request.ClusterName);
                    IReadOnlyList<(string, string)> Pvc(ScrapeTarget x) => [("namespace", ns), ("persistentvolumeclaim", InstanceLayout.DataVolumeClaim(x.Instance))];
                    var series = Volume(Pvc(bad), t / 2, "kubelet_volume_stats_available_bytes", "kubelet_volume_stats_capacity_bytes");
                    if (good is not null) series.AddRange(Volume(Pvc(good), Math.Min(0.9, t * 3), "kubelet_volume_stats_available_bytes", "kubelet_volume_stats_capacity_bytes"));
                    return new AlertTestCase(rule, series, eval, [Pvc(bad)]);
                }
                IReadOnlyList<(string, string)> Node(string instance) =>
                    [("device", "/dev/nvme1n1"), ("fstype", "xfs"), ("instance", instance), ("job", "node"), ("mountpoint", AlertExpressions.DataMountpoint(context.Request.ClusterName))];
                var hosts = plan.NodeExporterTargets;
                if (hosts.Count == 0) return null;
                var nodeSeries = Volume(Node(hosts[0]), t / 2, "node_filesystem_avail_bytes", "node_filesystem_size_bytes");
                if (hosts.Count > 1) nodeSeries.AddRange(Volume(Node(hosts[1]), Math.Min(0.9, t * 3), "node_filesystem_avail_bytes", "node_filesystem_size_bytes"));
                return new AlertTestCase(rule, nodeSeries, eval, [Node(hosts[0])]);
            }
            default:
                return null;
        }
    }

    private static AlertTestCase PerTarget(AlertRule rule, string metric, ScrapeTarget bad, ScrapeTarget? good, string badValues, string goodValues, int eval, params (string, string)[] extra)
    {
        IReadOnlyList<(string, string)> With(ScrapeTarget x) => [.. Labels(x).Concat(extra).OrderBy(l => l.Item1, StringComparer.Ordinal)];
        var series = new List<(string, string)> { (Selector(metric, With(bad)), badValues) };
        if (good is not null && good.Instance != bad.Instance) series.Add((Selector(metric, With(good)), goodValues));
        return new AlertTestCase(rule, series, eval, [With(bad)]);
    }

    /// <summary>The labels Prometheus attaches to a scraped series of a target (sorted by name).</summary>
    public static IReadOnlyList<(string Name, string Value)> Labels(ScrapeTarget target) =>
    [
        ("instance", target.Address), ("instance_name", target.Instance), ("job", "tarantool"),
        ("region", target.Region), ("replicaset", target.Replicaset), ("role", target.Role), ("zone", target.Zone),
    ];

    private static string Selector(string metric, IEnumerable<(string Name, string Value)> labels) =>
        metric + "{" + string.Join(", ", labels.Select(l => $"{l.Name}=\"{l.Value}\"")) + "}";

    private static string Flat(double value, int count) => $"{PromNumber.Format(value)}+0x{count.ToString(CultureInfo.InvariantCulture)}";

    private static string Ramp(int step, int count) => $"0+{step.ToString(CultureInfo.InvariantCulture)}x{count.ToString(CultureInfo.InvariantCulture)}";
}
