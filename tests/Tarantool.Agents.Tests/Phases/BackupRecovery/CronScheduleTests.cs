using Tarantool.Agents.Phases.BackupRecovery;

namespace Tarantool.Agents.Tests.Phases.BackupRecovery;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("15 1 * * *", 86400)]
    [InlineData("15 */6 * * *", 21600)]
    [InlineData("15 1,13 * * *", 43200)]
    [InlineData("30 4 * * 0", 604800)]
    [InlineData("*/5 * * * *", 300)]
    [InlineData("0 10 1 */3 *", 3 * 31 * 86400)]
    [InlineData("0 6 1 * *", 31 * 86400)]
    [InlineData("0 9 * * MON-FRI", 3 * 86400)]
    public void Estimates_the_longest_gap(string cron, long seconds) => Assert.Equal(seconds, CronSchedule.MaxPeriodSeconds(cron));

    [Theory]
    [InlineData("")]
    [InlineData("* * * *")]
    [InlineData("* * * * * *")]
    [InlineData("60 * * * *")]
    [InlineData("0 24 * * *")]
    [InlineData("0 0 0 * *")]
    [InlineData("0 0 * 13 *")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("@daily")]
    public void Rejects_invalid_expressions(string cron) => Assert.NotNull(CronSchedule.Problem(cron));
}
