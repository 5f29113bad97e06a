using Tarantool.Agents.Intake.Phrases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Intake.Phrases;

public sealed class WorkloadReaderTests
{
    private static Workload Read(string text) => WorkloadReader.Read(text).Workload;

    [Theory]
    [InlineData("300 GB", 300)]
    [InlineData("300GB", 300)]
    [InlineData("1.5 TB", 1500)]
    [InlineData("1,5 ТБ", 1500)]
    [InlineData("2 ТБ", 2000)]
    [InlineData("500 ГБ", 500)]
    [InlineData("800 MB", 0.8)]
    [InlineData("1,500 GB", 1500)]
    [InlineData("RAM 64 GB per node, data 20 GB", 20)]
    [InlineData("memtx_memory 64 GB, 500 GB of data on disks of 2 TB", 500)]
    public void Data_size_in_decimal_gigabytes(string text, double gb) =>
        Assert.Equal(gb, Read(text).DataSizeGb!.Value, 6);

    [Theory]
    [InlineData("64 GB RAM per node")]
    [InlineData("1 KB records")]
    [InlineData("Tarantool 3.4")]
    public void Sizes_of_other_things_are_not_the_data_size(string text) =>
        Assert.Null(Read(text).DataSizeGb);

    [Theory]
    [InlineData("40k read RPS", 40_000, null)]
    [InlineData("40 000 RPS на чтение", 40_000, null)]
    [InlineData("5k writes/sec", null, 5_000)]
    [InlineData("10k write RPS", null, 10_000)]
    [InlineData("50 тыс. запросов в секунду", 50_000, null)]
    [InlineData("2M RPS", 2_000_000, null)]
    [InlineData("1,5 млн RPS", 1_500_000, null)]
    [InlineData("3 000 RPS на запись", null, 3_000)]
    [InlineData("40k read RPS and 10k write RPS", 40_000, 10_000)]
    [InlineData("RPS: 25k", 25_000, null)]
    [InlineData("2k updates per second", null, 2_000)]
    [InlineData("inserts: 700 RPS", null, 700)]
    public void Request_rates(string text, int? reads, int? writes)
    {
        var workload = Read(text);

        Assert.Equal(reads, workload.ReadRps);
        Assert.Equal(writes, workload.WriteRps);
    }

    [Theory]
    [InlineData("100 million records", 100_000_000L)]
    [InlineData("100 млн записей", 100_000_000L)]
    [InlineData("5M rows", 5_000_000L)]
    [InlineData("2 млрд записей", 2_000_000_000L)]
    public void Record_counts(string text, long count) =>
        Assert.Equal(count, Read(text).RecordCount);

    [Fact]
    public void Events_per_second_are_a_rate_not_a_count() =>
        Assert.Null(Read("5k events/sec").RecordCount);

    [Theory]
    [InlineData("1 KB records", 1000)]
    [InlineData("record size 512 bytes", 512)]
    [InlineData("средний размер записи 2 КБ", 2000)]
    [InlineData("records of 4 KiB", 4096)]
    public void Average_record_size_in_bytes(string text, int bytes) =>
        Assert.Equal(bytes, Read(text).AverageRecordBytes);

    [Theory]
    [InlineData("grows 20% per year", 20)]
    [InlineData("рост 30% в год", 30)]
    [InlineData("doubles yearly", 100)]
    [InlineData("данные удваиваются каждый год", 100)]
    [InlineData("grows 20%", 20)]
    [InlineData("x3 per year", 200)]
    public void Growth_per_year(string text, double percent) =>
        Assert.Equal(percent, Read(text).GrowthPercentPerYear);

    [Fact]
    public void Monthly_growth_is_compounded_to_a_year() =>
        // 1.05^12 = 1.7959
        Assert.Equal(79.6, Read("grows 5% per month").GrowthPercentPerYear);

    [Theory]
    [InlineData("for 3 years", 36)]
    [InlineData("на 2 года", 24)]
    [InlineData("horizon 18 months", 18)]
    [InlineData("a 3-year horizon", 36)]
    [InlineData("на три года вперед", 36)]
    public void Planning_horizon_in_months(string text, int months) =>
        Assert.Equal(months, Read(text).HorizonMonths);

    [Theory]
    [InlineData("vinyl", StorageEngine.Vinyl)]
    [InlineData("memtx", StorageEngine.Memtx)]
    [InlineData("in-memory", StorageEngine.Memtx)]
    [InlineData("in-memory cache, archive on vinyl", StorageEngine.Memtx)]
    public void Engine(string text, StorageEngine engine) =>
        Assert.Equal(engine, Read(text).Engine);

    [Theory]
    [InlineData("3 regions", 3)]
    [InlineData("2 regions", 2)]
    [InlineData("два региона", 2)]
    [InlineData("3 дата-центра", 3)]
    public void Regions(string text, int regions) =>
        Assert.Equal(regions, Read(text).Regions);

    [Fact]
    public void Found_fields_are_named_like_the_request_fields_in_a_fixed_order()
    {
        var reading = WorkloadReader.Read("vinyl, 300 GB, 5k writes/sec, 3 regions");

        Assert.Equal(["dataSizeGb", "writeRps", "engine", "regions"], reading.FoundFields);
    }

    [Fact]
    public void Nothing_stated_leaves_every_figure_null()
    {
        var reading = WorkloadReader.Read("A replicated cluster for orders.");

        Assert.Equal(new Workload(), reading.Workload);
        Assert.Empty(reading.FoundFields);
    }
}
