using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Phases.Deployment;

public sealed class CronCalendarTests
{
    [Theory]
    [InlineData("0 2 * * *", "*-*-* 02:00:00 UTC")]
    [InlineData("30 1 * * 0", "Sun *-*-* 01:30:00 UTC")]
    [InlineData("*/15 * * * *", "*-*-* *:00/15:00 UTC")]
    [InlineData("0 */6 * * *", "*-*-* 00/6:00:00 UTC")]
    [InlineData("0 3 1 * *", "*-*-01 03:00:00 UTC")]
    [InlineData("0 4 * * 1-5", "Mon..Fri *-*-* 04:00:00 UTC")]
    [InlineData("15 0,12 * * *", "*-*-* 00,12:15:00 UTC")]
    [InlineData("0 6 * * SAT", "Sat *-*-* 06:00:00 UTC")]
    [InlineData("@daily", "*-*-* 00:00:00 UTC")]
    public void Converts_cron_to_on_calendar(string cron, string expected) =>
        Assert.Equal(expected, CronCalendar.ToOnCalendar(cron));

    [Theory]
    [InlineData("0 2 1 * 1")]
    [InlineData("0 1-5/2 * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("not a cron")]
    public void Refuses_what_systemd_would_read_differently(string cron) => Assert.Null(CronCalendar.ToOnCalendar(cron));

    [ToolTheory("systemd-analyze")]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 */6 * * *")]
    [InlineData("0 4 * * 1-5")]
    [InlineData("15 0,12 * * *")]
    public void Systemd_accepts_every_conversion(string cron)
    {
        var (code, output) = ExternalTool.Run("systemd-analyze", ["calendar", CronCalendar.ToOnCalendar(cron)!]);
        Assert.True(code == 0, output);
    }
}
