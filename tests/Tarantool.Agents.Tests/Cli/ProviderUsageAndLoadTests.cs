using System.Text.Json;
using Tarantool.Agents.Models;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// A whole run through an emulated gpt-4o over HTTP: under a provider that refuses calls above a concurrency limit
/// the run lowers its concurrency and completes with no call failing; the usage in bundle.json is the provider's
/// reported figures when it reports them, and what was really sent (schema included), marked estimated, when not.
/// </summary>
public sealed class ProviderUsageAndLoadTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Model:ApiKey"] = "sk-emulated",
        ["Model:Resilience:BaseDelaySeconds"] = "0.01",
        ["Model:Resilience:MaxDelaySeconds"] = "0.05",
    };

    // The second sample's request.
    private const string Description =
        "Tarantool cluster setup: --cluster-name billing --cluster-type replicated --environment production --cloud-provider aws " +
        "--ha-strategy active-failover --backup-retention-days 35\n\nBilling ledger for payments: one master and two replicas with " +
        "automated failover and continuous backups to S3. Around 120 GB of data, 15k read RPS and 3k write RPS, average record 700 bytes, growing 40% per year.";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(CliRunner.Result Run, JsonDocument Manifest)> PlanAsync(EmulatedProvider provider, params string[] extra)
    {
        var run = await CliRunner.RunAsync(
            ["plan", Description, "--output", _temp.Combine("b"), .. extra, .. provider.Flags], settings: Settings);
        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        return (run, JsonDocument.Parse(File.ReadAllText(_temp.Combine("b", "bundle.json"))));
    }

    private static List<JsonElement> Phases(JsonDocument manifest) => [.. manifest.RootElement.GetProperty("phases").EnumerateArray()];

    [Fact]
    public async Task Repeated_429s_lower_the_concurrency_and_every_call_still_succeeds()
    {
        const int ProviderLimit = 2;
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Gpt4o);
        provider.MaxConcurrent = ProviderLimit;
        provider.Latency = TimeSpan.FromMilliseconds(150);

        var (_, manifest) = await PlanAsync(provider, "--max-parallel", "8");

        Assert.All(Phases(manifest), p => Assert.True(p.GetProperty("status").GetString() == "succeeded", $"{p.GetProperty("key")}: {p.GetProperty("reason")}"));
        Assert.Empty(provider.Refusals);
        var arrivals = provider.Arrivals.ToList();
        Assert.True(provider.Throttled > 0, "the provider never refused a call: the run did not exceed its limit, so nothing was tested");
        // Without adaptation every refused call would come back after Retry-After into the same wall; with it, the
        // refusals are the first burst and an occasional probe, and the later calls run within the provider's limit.
        var later = arrivals.Skip(arrivals.Count / 2).ToList();
        Assert.True(later.Count(a => a.Throttled) <= 2, $"{later.Count(a => a.Throttled)} of the last {later.Count} calls were refused: {string.Join(",", arrivals.Select(a => a.InFlight + (a.Throttled ? "!" : "")))}");
        // A bounded burst, not a stream of refusals: without adaptation each refused call comes back every 20 ms while
        // the others take 150 ms, and runs out of retries.
        Assert.True(provider.Throttled <= 16, $"{provider.Throttled} of {arrivals.Count} calls were refused");
    }

    [Fact]
    public async Task Usage_is_the_providers_reported_figures_when_it_reports_them()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Gpt4o);

        var (_, manifest) = await PlanAsync(provider);

        var phases = Phases(manifest);
        Assert.Equal("reported", manifest.RootElement.GetProperty("provider").GetProperty("usage").GetString());
        Assert.All(phases, p => Assert.Equal("reported", p.GetProperty("usage").GetProperty("source").GetString()));
        var reported = provider.Usage.Where(u => u.Schema != EmulatedProvider.IntakeSchemaName).ToList();
        Assert.Equal(reported.Sum(u => (long)u.PromptTokens), phases.Sum(p => p.GetProperty("usage").GetProperty("inputTokens").GetInt64()));
        Assert.Equal(reported.Sum(u => (long)u.CompletionTokens), phases.Sum(p => p.GetProperty("usage").GetProperty("outputTokens").GetInt64()));
    }

    [Fact]
    public async Task Without_reported_usage_the_run_counts_what_it_sent_schema_included_and_says_it_estimated()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Gpt4o);
        provider.ReportUsage = false;

        var (_, manifest) = await PlanAsync(provider);

        var phases = Phases(manifest);
        Assert.Equal("estimated", manifest.RootElement.GetProperty("provider").GetProperty("usage").GetString());
        Assert.All(phases, p => Assert.Equal("estimated", p.GetProperty("usage").GetProperty("source").GetString()));
        var sent = provider.Usage.Where(u => u.Schema != EmulatedProvider.IntakeSchemaName).ToList();
        var counted = phases.Sum(p => p.GetProperty("usage").GetProperty("inputTokens").GetInt64());
        var providerCount = sent.Sum(u => (long)u.PromptTokens);
        var schemas = provider.Requests
            .Where(r => r["response_format"]?["json_schema"]?["name"]?.GetValue<string>() != EmulatedProvider.IntakeSchemaName)
            .Sum(r => (long)TokenCounter.Count(r["response_format"]?["json_schema"]?["schema"]?.ToJsonString() ?? ""));
        // The same prompts counted on both sides of the wire agree closely, and the response schemas are in the count.
        Assert.InRange(counted, providerCount * 97 / 100, providerCount * 103 / 100);
        Assert.True(counted > providerCount - schemas / 2, $"counted {counted}, provider {providerCount}, schemas {schemas}");
        Assert.Equal(sent.Sum(u => (long)u.CompletionTokens), phases.Sum(p => p.GetProperty("usage").GetProperty("outputTokens").GetInt64()));
    }
}
