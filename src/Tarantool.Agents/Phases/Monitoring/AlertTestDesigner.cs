using System.Globalization;
using Tarantool.Agents.Phases.Containers;
using VshardMetrics = Tarantool.Agents.ClusterConfig.VshardMetricsLua;

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
            case AlertNames.MemoryNearLimit or AlertNames.MemoryAtLimit:
            {
                var limits = AlertExpressions.MemoryLimits(context).ToDictionary(l => l.Role, l => l.LimitBytes);
                // Just above the threshold of the target's own limit, and a target at half of its limit stays quiet.
                var over = Math.Round(limits[bad.Role] * Math.Min(99.9, t + (100 - t) / 2) / 100);
                var series = new List<(string, string)> { (Selector("tnt_memory", Labels(bad)), Flat(over, n)) };
                if (good is not null && good.Instance != bad.Instance) series.Add((Selector("tnt_memory", Labels(good)), Flat(Math.Round(limits[good.Role] / 2.0), n)));
                return new AlertTestCase(rule, series, eval, [Labels(bad)]);
            }
            case AlertNames.VshardBucketsStuck:
            {
                // Both storages have a bucket in flight; only the one whose active count does not move is stuck.
                var storages = StorageTargets(targets);
                if (storages.Count < 2) return null;
                var window = StuckWindowMinutes + eval;
                var series = new List<(string, string)>
                {
                    (Selector(VshardMetrics.StorageBuckets, With(storages[0], ("state", "sending"))), Flat(1, window)),
                    (Selector(VshardMetrics.StorageBuckets, With(storages[0], ("state", "active"))), Flat(1000, window)),
                    (Selector(VshardMetrics.StorageBuckets, With(storages[1], ("state", "receiving"))), Flat(1, window)),
                    (Selector(VshardMetrics.StorageBuckets, With(storages[1], ("state", "active"))), Ramp(1, window)),
                };
                return new AlertTestCase(rule, series, eval, [With(storages[0], ("state", "sending"))]);
            }
            case AlertNames.VshardGarbageStuck:
            {
                var storages = StorageTargets(targets);
                if (storages.Count < 2) return null;
                var window = StuckWindowMinutes + eval;
                var series = new List<(string, string)>
                {
                    (Selector(VshardMetrics.StorageBuckets, With(storages[0], ("state", "garbage"))), Flat(3, window)),
                    // Garbage that comes and goes is being collected.
                    (Selector(VshardMetrics.StorageBuckets, With(storages[1], ("state", "garbage"))), string.Join(' ', Enumerable.Range(0, window + 1).Select(i => i % 2 == 0 ? "3" : "0"))),
                };
                return new AlertTestCase(rule, series, eval, [With(storages[0], ("state", "garbage"))]);
            }
            case AlertNames.VshardBucketsUnbalanced:
            {
                var replicasets = StorageTargets(targets).GroupBy(x => x.Replicaset).ToList();
                if (replicasets.Count < 2) return null;
                // The first replicaset holds twice the share of each other one; every replicaset further than the
                // threshold from the mean is expected, as the rule computes it.
                var counts = replicasets.Select((g, i) => (g.Key, Count: i == 0 ? 2000.0 : 1000.0)).ToList();
                var mean = counts.Average(c => c.Count);
                var series = replicasets.SelectMany((g, i) => g.Select(x => (Selector(VshardMetrics.StorageBuckets, With(x, ("state", "active"))), Flat(counts[i].Count, n)))).ToList();
                var expected = counts.Where(c => Math.Abs(c.Count / mean - 1) * 100 > t).Select(c => (IReadOnlyList<(string, string)>)[("replicaset", c.Key)]).ToList();
                return new AlertTestCase(rule, series, eval, expected);
            }
            case AlertNames.VshardRouterBucketsUnreachable:
            {
                var routers = targets.Where(x => x.Role == "router").ToList();
                if (routers.Count == 0) return null;
                var series = new List<(string, string)> { (Selector(VshardMetrics.RouterBuckets, With(routers[0], ("state", "unreachable"))), Flat(250, n)) };
                if (routers.Count > 1) series.Add((Selector(VshardMetrics.RouterBuckets, With(routers[1], ("state", "unreachable"))), Flat(0, n)));
                return new AlertTestCase(rule, series, eval, [With(routers[0], ("state", "unreachable"))]);
            }
            case AlertNames.VshardServiceError:
            {
                var storages = StorageTargets(targets);
                if (storages.Count == 0) return null;
                var series = new List<(string, string)> { (Selector(VshardMetrics.ServiceError, With(storages[0], ("service", "rebalancer"))), Flat(1, n)) };
                if (storages.Count > 1) series.Add((Selector(VshardMetrics.ServiceError, With(storages[1], ("service", "gc"))), Flat(0, n)));
                return new AlertTestCase(rule, series, eval, [With(storages[0], ("service", "rebalancer"))]);
            }
            default:
                return null;
        }
    }

    private static int StuckWindowMinutes => int.Parse(AlertExpressions.StuckWindow.TrimEnd('m'), CultureInfo.InvariantCulture);

    private static List<ScrapeTarget> StorageTargets(IReadOnlyList<ScrapeTarget> targets) => [.. targets.Where(x => x.Role == "storage")];

    private static IReadOnlyList<(string, string)> With(ScrapeTarget target, params (string, string)[] extra) =>
        [.. Labels(target).Concat(extra).OrderBy(l => l.Item1, StringComparer.Ordinal)];

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
