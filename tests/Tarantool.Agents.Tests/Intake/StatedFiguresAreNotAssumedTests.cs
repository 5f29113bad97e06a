using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>
/// Every assumption of the capacity plan is one the text really did not state: a description with figures is
/// resolved by intake, planned by the capacity expert, and each stated figure must be the one the plan uses and
/// must not appear among the plan's assumptions.
/// </summary>
public sealed class StatedFiguresAreNotAssumedTests
{
    public static TheoryData<string, string[]> Descriptions => new()
    {
        {
            "Orders: 70k reads and 9k writes per second, Feature store, 60 GB, 20 million accounts of 2 KB each, grows 4% per month, plan for two years.",
            ["readRps", "writeRps", "dataSizeGb", "averageRecordBytes", "growthPercentPerYear", "horizonMonths"]
        },
        {
            "45k reads/s, 11k writes/s, 2.5 TB, 500 bytes per message, triples every two years, horizon 18 months.",
            ["readRps", "writeRps", "dataSizeGb", "averageRecordBytes", "growthPercentPerYear", "horizonMonths"]
        },
        {
            "9 000 RPS on reads and 2 000 on writes, half a terabyte of data, 150 million records, grows 25% a year, for the next 3 years.",
            ["readRps", "writeRps", "dataSizeGb", "growthPercentPerYear", "horizonMonths"]
        },
        {
            "чтение 30 тыс. RPS, запись 4 тыс., данных 0,8 ТБ, средний размер записи 2 КБ, рост 3% в месяц, на полтора года.",
            ["readRps", "writeRps", "dataSizeGb", "averageRecordBytes", "growthPercentPerYear", "horizonMonths"]
        },
        {
            "15 тысяч операций записи в секунду, 18k lookups per second, двести гигабайт, 100 млн записей, объем удваивается каждые два года, на 3 года.",
            ["readRps", "writeRps", "dataSizeGb", "growthPercentPerYear", "horizonMonths"]
        },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void No_assumption_replaces_a_figure_present_in_the_description(string description, string[] stated)
    {
        var intake = IntakeFixture.Resolve(description, IntakeFixture.Required());
        Assert.True(intake.IsValid, string.Join("\n", intake.Errors));
        Assert.Empty(intake.Warnings);
        var request = intake.Request!;
        var plan = new CapacityPlanningExpert().Design(new PhaseContext(request, intake.Language, new Dictionary<string, object>()));

        foreach (var field in stated)
        {
            Assert.True(intake.Sources.TryGetValue(field, out var source) && source == ValueSource.Text, $"{field} was stated but not read");
            Assert.DoesNotContain(plan.Assumptions, a => a.Name == field);
        }

        var workload = request.Workload;
        Assert.Equal(workload.ReadRps, plan.ReadRps);
        Assert.Equal(workload.WriteRps, plan.WriteRps);
        Assert.Equal(workload.DataSizeGb, plan.DataSizeGb);
        Assert.Equal(workload.GrowthPercentPerYear, plan.GrowthPercentPerYear);
        Assert.Equal(workload.HorizonMonths, plan.HorizonMonths);
        if (workload.AverageRecordBytes is { } bytes)
            Assert.Equal(bytes, plan.AverageRecordBytes);
    }

    [Fact]
    public void What_the_text_does_not_state_is_assumed_and_said()
    {
        var intake = IntakeFixture.Resolve("300 GB of data", IntakeFixture.Required());
        var plan = new CapacityPlanningExpert().Design(new PhaseContext(intake.Request!, intake.Language, new Dictionary<string, object>()));

        Assert.DoesNotContain(plan.Assumptions, a => a.Name == "dataSizeGb");
        foreach (var field in new[] { "readRps", "writeRps", "growthPercentPerYear", "horizonMonths", "averageRecordBytes" })
            Assert.Contains(plan.Assumptions, a => a.Name == field);
    }
}
