using System.Text.Json;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>Intake says what it found but could not use: unplaced figures, conflicting values, values out of range.</summary>
public sealed class IntakeWarningTests
{
    [Fact]
    public void Two_different_data_sizes_keep_the_first_and_say_so()
    {
        var result = IntakeFixture.Resolve("Orders take 300 GB, the whole data set is 500 GB", IntakeFixture.Required());

        Assert.Equal(300, result.Request!.Workload.DataSizeGb);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("'300 GB'", warning);
        Assert.Contains("'500 GB'", warning);
        Assert.Contains("first", warning);
    }

    [Fact]
    public void A_size_called_the_total_wins_over_the_parts_without_a_warning()
    {
        var result = IntakeFixture.Resolve("Feature store, 60 GB; profiles, 40 GB; in total 100 GB", IntakeFixture.Required());

        Assert.Equal(100, result.Request!.Workload.DataSizeGb);
    }

    [Fact]
    public void Two_different_read_rates_are_reported()
    {
        var result = IntakeFixture.Resolve("40k reads/s on weekdays, 90k reads/s on Black Friday", IntakeFixture.Required());

        Assert.Equal(40_000, result.Request!.Workload.ReadRps);
        Assert.Contains(result.Warnings, w => w.Contains("read rates") && w.Contains("90k reads/s"));
    }

    [Fact]
    public void The_same_figure_said_twice_is_no_conflict()
    {
        var result = IntakeFixture.Resolve("300 GB of data. Once more: 300 GB.", IntakeFixture.Required());

        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("5k events per minute", "5k events per minute")]
    [InlineData("availability 99.99%", "99.99%")]
    [InlineData("snapshot every 2 hours", "2 hours")]
    [InlineData("10 тыс. запросов в минуту", "10 тыс. запросов в минуту")]
    public void A_figure_no_field_takes_is_reported_not_dropped(string description, string figure)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.Contains($"Could not place '{figure}'", warning);
    }

    [Theory]
    [InlineData("grows 5000% a year", "growthPercentPerYear")]
    [InlineData("a 30-year horizon", "horizonMonths")]
    [InlineData("500 PB of data", "dataSizeGb")]
    public void A_value_outside_a_sane_range_is_not_used_and_is_reported(string description, string field)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());

        Assert.False(result.Sources.ContainsKey(field));
        Assert.Contains(result.Warnings, w => w.Contains("not used"));
    }

    [Theory]
    [InlineData("We need a production-grade cartridge cluster named payments on Azure with vshard, 6 shards, multi-master replication " +
                "and manual failover. Tarantool 2.11. Keep backups for 2 weeks. 1.5 TB of data, 100 million records, 1 KB records, " +
                "10k write RPS and 50k reads per second, grows 20% per year, plan for 3 years, vinyl engine. RPO 1 minute, RTO 15 minutes.")]
    [InlineData("Нужен шардированный кластер orders для продакшена в своем ЦОД, без Kubernetes: 4 шарда, 2 ТБ данных, " +
                "чтение 30 тыс. RPS, запись 4 тыс., рост 30% в год, горизонт 2 года, бэкапы храним 2 недели, " +
                "RPO 30 секунд, время восстановления 20 минут, Enterprise-версия.")]
    public void A_description_read_in_full_has_no_warnings(string description)
    {
        var result = IntakeFixture.Resolve(description);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_json_carries_the_warnings()
    {
        var result = IntakeFixture.Resolve("300 GB, later 500 GB", IntakeFixture.Required());

        using var json = JsonDocument.Parse(result.ToJson());

        Assert.Equal(1, json.RootElement.GetProperty("warnings").GetArrayLength());
        Assert.Equal(0, JsonDocument.Parse(IntakeFixture.Resolve("300 GB", IntakeFixture.Required()).ToJson()).RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void The_json_shows_what_did_resolve_when_a_required_field_is_missing()
    {
        var result = IntakeFixture.Resolve("a sharded cluster on EKS, 300 GB, RPO 30 seconds", ("environment", "production"));

        using var json = JsonDocument.Parse(result.ToJson());
        var request = json.RootElement.GetProperty("request");

        Assert.Null(result.Request);
        Assert.False(request.TryGetProperty("clusterName", out _));
        Assert.Equal("sharded", request.GetProperty("clusterType").GetString());
        Assert.Equal("production", request.GetProperty("environment").GetString());
        Assert.Equal("kubernetes", request.GetProperty("deployment").GetString());
        Assert.Equal(30, request.GetProperty("rpoSeconds").GetInt32());
        Assert.Equal(300, request.GetProperty("workload").GetProperty("dataSizeGb").GetDouble());
        Assert.Contains("--cluster-name", json.RootElement.GetProperty("errors")[0].GetString());
    }
}
