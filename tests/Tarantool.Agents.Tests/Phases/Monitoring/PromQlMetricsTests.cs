using Tarantool.Agents.Phases.Monitoring;

namespace Tarantool.Agents.Tests.Phases.Monitoring;

public sealed class PromQlMetricsTests
{
    [Theory]
    [InlineData("up{job=\"tarantool\"} == 0", "up")]
    [InlineData("max by (replicaset) (tnt_election_state{role!=\"router\"}) < 2", "tnt_election_state")]
    [InlineData("rate(tnt_vinyl_tx_conflict[5m]) / clamp_min(rate(tnt_vinyl_tx_commit[5m]), 1) > 0.05", "tnt_vinyl_tx_conflict,tnt_vinyl_tx_commit")]
    [InlineData("time() - max by (replicaset) (tarantool_backup_last_success_timestamp_seconds) > 1.5e4", "tarantool_backup_last_success_timestamp_seconds")]
    [InlineData("tnt_slab_quota_used_ratio > 85 and tnt_slab_arena_used_ratio > 85", "tnt_slab_quota_used_ratio,tnt_slab_arena_used_ratio")]
    [InlineData("sum by (instance_name) (rate(tnt_stats_op_total{operation=~\"select|insert\"}[1m]))", "tnt_stats_op_total")]
    public void Extracts_the_metric_names(string expression, string expected) =>
        Assert.Equal(expected.Split(','), PromQlMetrics.Names(expression));

    [Theory]
    [InlineData("0 3 * * *", 86400)]
    [InlineData("0 */6 * * *", 21600)]
    [InlineData("15 */4 * * *", 14400)]
    [InlineData("30 1,13 * * *", 43200)]
    [InlineData("0 2 * * 0", 604800)]
    [InlineData("*/30 * * * *", 1800)]
    [InlineData("0 * * * *", 3600)]
    public void Cron_interval(string cron, int seconds) => Assert.Equal(seconds, Tarantool.Agents.Phases.BackupRecovery.CronSchedule.MaxPeriodSeconds(cron));

    [Theory]
    [InlineData("@daily")]
    public void Cron_interval_unknown(string cron) => Assert.Null(Tarantool.Agents.Phases.BackupRecovery.CronSchedule.MaxPeriodSeconds(cron));
}
