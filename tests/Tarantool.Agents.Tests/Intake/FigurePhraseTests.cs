using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake;

/// <summary>
/// Every figure a person writes, in the arrangements people write them, in English and Russian: rates, sizes,
/// record counts, retention, horizon and growth. Each case goes through the whole intake, as the CLI runs it.
/// </summary>
public sealed class FigurePhraseTests
{
    private static IntakeResultAssert Read(string description)
    {
        var result = IntakeFixture.Resolve(description, IntakeFixture.Required());
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return new IntakeResultAssert(result);
    }

    [Theory]
    [InlineData("70k reads and 9k writes per second", 70_000, 9_000)]
    [InlineData("45k reads/s, 11k writes/s", 45_000, 11_000)]
    [InlineData("чтение 30 тыс. RPS, запись 4 тыс.", 30_000, 4_000)]
    [InlineData("15 тысяч операций записи в секунду", null, 15_000)]
    [InlineData("9 000 RPS on reads and 2 000 on writes", 9_000, 2_000)]
    [InlineData("150,000 inserts a second", null, 150_000)]
    [InlineData("18k lookups per second", 18_000, null)]
    [InlineData("Peak: 40k read RPS, 10k write RPS.", 40_000, 10_000)]
    [InlineData("запись: 5 тыс. RPS, чтение — 25 тыс. RPS", 25_000, 5_000)]
    [InlineData("2 000 updates per second and 12 000 lookups per second", 12_000, 2_000)]
    public void Rates_in_any_arrangement(string description, int? reads, int? writes)
    {
        var result = Read(description).Result;

        Assert.Equal(reads, result.Request!.Workload.ReadRps);
        Assert.Equal(writes, result.Request.Workload.WriteRps);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("Feature store, 60 GB", 60)]
    [InlineData("2.5 TB of data", 2_500)]
    [InlineData("данных 0,8 ТБ", 800)]
    [InlineData("двести гигабайт данных", 200)]
    [InlineData("half a terabyte", 500)]
    [InlineData("about two hundred and fifty gigabytes", 250)]
    [InlineData("полтора терабайта", 1_500)]
    [InlineData("nodes with 128 GB RAM; total data 3 TB", 3_000)]
    public void Data_sizes_next_to_any_noun_with_either_separator_or_in_words(string description, double gb)
    {
        var result = Read(description).Result;

        Assert.Equal(gb, result.Request!.Workload.DataSizeGb!.Value, 6);
        Assert.Equal(ValueSource.Text, result.Sources["dataSizeGb"]);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Record_counts_and_record_sizes_are_kept_apart_from_the_data_size()
    {
        var workload = Read("20 million accounts of 2 KB each").Result.Request!.Workload;

        Assert.Equal(20_000_000, workload.RecordCount);
        Assert.Equal(2_000, workload.AverageRecordBytes);
        Assert.Null(workload.DataSizeGb);
    }

    [Theory]
    [InlineData("500 bytes per message", 500)]
    [InlineData("messages of 500 bytes", 500)]
    [InlineData("1,5 КБ на запись", 1_500)]
    [InlineData("профили пользователей по 4 КБ", 4_000)]
    public void Record_sizes(string description, int bytes) =>
        Assert.Equal(bytes, Read(description).Result.Request!.Workload.AverageRecordBytes);

    [Theory]
    [InlineData("keep backups for a fortnight", 14)]
    [InlineData("keep backups for ten days", 10)]
    [InlineData("retain backups for six weeks", 42)]
    [InlineData("храним бэкапы квартал", 90)]
    [InlineData("хранить бэкапы месяц", 30)]
    [InlineData("backups are kept for a month", 30)]
    [InlineData("бэкапы храним две недели", 14)]
    public void Retention_in_words_and_units(string description, int days)
    {
        var result = Read(description).Result;

        Assert.Equal(days, result.Request!.BackupRetentionDays);
        Assert.Equal(ValueSource.Text, result.Sources["backupRetentionDays"]);
    }

    [Theory]
    [InlineData("plan for a year", 12)]
    [InlineData("на полтора года", 18)]
    [InlineData("horizon: six quarters", 18)]
    [InlineData("over the next two years", 24)]
    public void Horizon_in_words(string description, int months) =>
        Assert.Equal(months, Read(description).Result.Request!.Workload.HorizonMonths);

    [Theory]
    [InlineData("grows 4% per month", 60.1)]           // 1.04^12
    [InlineData("triples every two years", 73.2)]      // 3^(1/2)
    [InlineData("5% a quarter", 21.6)]                 // 1.05^4
    [InlineData("рост 3% в месяц", 42.6)]              // 1.03^12
    [InlineData("объем удваивается каждые два года", 41.4)]
    [InlineData("doubles every 18 months", 58.7)]      // 2^(12/18)
    [InlineData("grows 10% a year", 10)]
    [InlineData("прирост 15% годовых", 15)]
    public void Growth_over_any_period_is_compounded_to_a_year(string description, double percentPerYear)
    {
        var result = Read(description).Result;

        Assert.Equal(percentPerYear, result.Request!.Workload.GrowthPercentPerYear);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("Store 500 GB now and 2 TB in three years", 500, 58.7)]       // (2000/500)^(1/3)
    [InlineData("300 GB today, data grows by 60 GB per year", 300, 20)]
    [InlineData("1 ТБ данных, прирост 50 ГБ в месяц", 1_000, 60)]
    public void Growth_stated_as_sizes_becomes_a_rate_of_todays_size(string description, double gb, double percentPerYear)
    {
        var result = Read(description).Result;

        Assert.Equal(gb, result.Request!.Workload.DataSizeGb);
        Assert.Equal(percentPerYear, result.Request.Workload.GrowthPercentPerYear);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Growth_as_a_size_without_todays_size_is_reported()
    {
        var result = Read("data grows by 2 TB per year").Result;

        Assert.Null(result.Request!.Workload.GrowthPercentPerYear);
        Assert.Null(result.Request.Workload.DataSizeGb);
        Assert.Contains(result.Warnings, w => w.Contains("2 TB per year") && w.Contains("today's data size"));
    }

    [Theory]
    [InlineData("The cluster should handle 50k requests per second, mostly reads; writes are about 5k per second.", 50_000, 5_000)]
    [InlineData("Read load 25,000 RPS; write load 3,500 RPS.", 25_000, 3_500)]
    [InlineData("Нагрузка: 120 тыс. чтений в секунду и 8 тыс. записей в секунду.", 120_000, 8_000)]
    public void Rates_with_words_between_the_kind_and_the_figure(string description, int reads, int writes)
    {
        var workload = Read(description).Result.Request!.Workload;

        Assert.Equal(reads, workload.ReadRps);
        Assert.Equal(writes, workload.WriteRps);
    }

    [Theory]
    [InlineData("About 10k QPS total, 80% reads.", 8_000, 2_000)]
    [InlineData("50 тыс. RPS, из них 30% запись", 35_000, 15_000)]
    [InlineData("20k RPS with a 90/10 read/write mix", 18_000, 2_000)]
    public void A_total_rate_and_a_share_split_into_reads_and_writes(string description, int reads, int writes)
    {
        var result = Read(description).Result;

        Assert.Equal(reads, result.Request!.Workload.ReadRps);
        Assert.Equal(writes, result.Request.Workload.WriteRps);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("User sessions: 200 million, average 1.2 KB.", 200_000_000L, 1_200)]
    [InlineData("100M records ~ 800 B", 100_000_000L, 800)]
    public void Counts_and_sizes_written_after_their_noun(string description, long count, int bytes)
    {
        var workload = Read(description).Result.Request!.Workload;

        Assert.Equal(count, workload.RecordCount);
        Assert.Equal(bytes, workload.AverageRecordBytes);
    }

    [Theory]
    [InlineData("We need to keep 7 days of backups", 7)]
    [InlineData("хранить 14 дней бэкапов", 14)]
    public void Retention_written_before_the_backups(string description, int days) =>
        Assert.Equal(days, Read(description).Result.Request!.BackupRetentionDays);

    [Fact]
    public void Half_a_year_of_backups() =>
        Assert.Equal(183, Read("нужно хранить резервные копии полгода").Result.Request!.BackupRetentionDays);

    /// <summary>The result of a valid intake, for assertions.</summary>
    private sealed record IntakeResultAssert(Tarantool.Agents.Intake.IntakeResult Result);
}
