using System.Text.Json;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// A design that does not fit reaches the user everywhere they look: the capacity narrative, bundle.json's top-level
/// warnings[] and the phase's validation warnings, and the terminal summary, in the request's language.
/// </summary>
public sealed class WarningsSummaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("Orders DB, 150 GB, 40k read RPS", Language.En, "above the 64 GiB ceiling")]
    [InlineData("База заказов, 150 GB, 40k чтений в секунду", Language.Ru, "выше потолка 64 GiB")]
    public async Task A_fixed_shard_count_too_small_for_the_data_is_warned_in_the_bundle_and_the_summary(string description, Language language, string phrase)
    {
        var output = _temp.Combine("bundle");
        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production",
            "--shard-count", "2", "--output", output, description]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        var warning = Assert.Single(manifest.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "capacity.arena-above-ceiling");
        Assert.Equal("capacity-planning", warning.GetProperty("source").GetString());
        var message = warning.GetProperty("message").GetString()!;
        Assert.Contains(phrase, message);
        Assert.Contains("--shard-count", message);
        Assert.Equal(language, LanguageDetector.Detect(message));

        var capacity = manifest.RootElement.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("key").GetString() == "capacity-planning");
        Assert.Contains(capacity.GetProperty("validation").GetProperty("warnings").EnumerateArray(), w => w.GetString()!.StartsWith("capacity.arena-above-ceiling", StringComparison.Ordinal));
        Assert.Equal(2, JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "outputs/01-capacity-planning.json"))).RootElement.GetProperty("storageReplicasets").GetInt32());

        Assert.Contains(message, await File.ReadAllTextAsync(Path.Combine(output, "phases/01-capacity-planning.md")));
        var count = manifest.RootElement.GetProperty("warnings").GetArrayLength();
        Assert.Contains($"{count} warning(s)", result.Out);
        Assert.Contains(message, result.Out);
    }

    [Fact]
    public async Task A_default_shard_count_is_computed_and_every_phase_follows_it()
    {
        var output = _temp.Combine("computed");
        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production",
            "--output", output, "Orders DB, 400 GB, 40k read RPS"]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        Assert.DoesNotContain(manifest.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "capacity.arena-above-ceiling");
        Assert.Equal("default", manifest.RootElement.GetProperty("sources").GetProperty("shardCount").GetString());
        using var capacity = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "outputs/01-capacity-planning.json")));
        var shards = capacity.RootElement.GetProperty("storageReplicasets").GetInt32();
        Assert.True(shards > ClusterRequest.DefaultShardCount);
        Assert.True(capacity.RootElement.GetProperty("memtxMemoryBytes").GetInt64() <= capacity.RootElement.GetProperty("memtxCeilingBytes").GetInt64());

        var config = await File.ReadAllTextAsync(Path.Combine(output, "tarantool/config.yaml"));
        Assert.Contains($"storage-{shards:000}:", config);
        Assert.DoesNotContain($"storage-{shards + 1:000}:", config);
        Assert.Contains("0 warning(s)", result.Out);
    }

    [Fact]
    public async Task Intake_warnings_open_the_bundles_warnings_and_the_summary()
    {
        var output = _temp.Combine("intake");
        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "staging",
            "--output", output, "Orders DB, 60 GB of data, and later 90 GB of data, 5k read RPS"]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        var first = manifest.RootElement.GetProperty("warnings").EnumerateArray().First();
        Assert.Equal("intake", first.GetProperty("source").GetString());
        var message = first.GetProperty("message").GetString()!;
        Assert.Contains("90 GB", message);
        Assert.Contains(message, result.Out);
        Assert.Contains("Intake warning:", result.Error);
    }

    [Fact]
    public async Task Batch_prints_each_bundles_warnings_under_the_table()
    {
        var file = _temp.Combine("orders.yaml");
        await File.WriteAllTextAsync(file, "description: A sharded production cluster named orders, 2 shards, 150 GB of data.\n");

        var result = await CliRunner.RunAsync(["batch", file, "--output", _temp.Combine("batch")]);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("1 of 1 request(s) succeeded, 1 warning(s).", result.Out);
        Assert.Contains("warning orders [capacity-planning] The 2 shards you asked for", result.Out);
    }
}
