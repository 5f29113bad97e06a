using Tarantool.Agents.Bundle.Summary;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Bundle;

/// <summary>
/// The one bundle summary chat, MCP and the CLI give, read from bundles the CLI wrote: the cluster, its shape and key
/// figures from the capacity plan, the outcome and warnings, in the bundle's language.
/// </summary>
public sealed class BundleSummaryTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(string Bundle, string Out)> BatchAsync(string sample)
    {
        var output = _temp.Combine(Path.GetFileNameWithoutExtension(sample));
        var result = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", output]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return (Directory.GetDirectories(output).Single(), result.Out);
    }

    [Fact]
    public async Task A_russian_sharded_bundle_is_summarised_in_russian_as_plain_text_and_markdown()
    {
        var (bundle, _) = await BatchAsync("04-sharded-kubernetes-ru.yaml");
        var summary = BundleSummary.Read(bundle);

        Assert.NotNull(summary);
        Assert.Equal(Language.Ru, summary.Language);
        var plan = summary.Plan!;
        Assert.True(plan.StorageReplicasets > 1);
        Assert.Equal("tarantool/config.yaml", summary.MainFiles[0]);
        Assert.Equal("bundle.json", summary.MainFiles[^1]);
        Assert.Contains(summary.MainFiles, f => f.StartsWith("phases/", StringComparison.Ordinal));

        var text = BundleSummaryText.Write(summary, BundleSummaryFormat.PlainText);
        Assert.Contains($"Кластер «{summary.Request.ClusterName}»", text);
        Assert.Contains($"Состав кластера: {plan.StorageReplicasets} шард", text);
        Assert.Contains("Комплект готов: успешно 10 из 10 фаз", text);
        // The summary's own figures in Russian units (the phases' warnings are quoted as they wrote them).
        var figures = BundleSummaryText.KeyFigures(summary, BundleSummaryFormat.PlainText)!;
        Assert.Contains("ГиБ", figures);
        Assert.DoesNotContain("GiB", figures);
        Assert.DoesNotContain("**", text);
        Assert.Contains($"**Состав кластера:** {plan.StorageReplicasets} шард", BundleSummaryText.Write(summary, BundleSummaryFormat.Markdown));
    }

    [Fact]
    public async Task A_single_instance_is_one_replicaset_and_phases_that_did_not_succeed_are_listed_with_their_reason()
    {
        var (bundle, _) = await BatchAsync("01-single-instance-development.yaml");
        var summary = BundleSummary.Read(bundle)!;
        Assert.Equal(Language.En, summary.Language);

        var shape = BundleSummaryText.Shape(summary, BundleSummaryFormat.PlainText);
        Assert.StartsWith($"Shape: one replicaset of {summary.Plan!.InstancesPerReplicaset} instance", shape);
        Assert.Contains("no routers", shape);
        Assert.Contains("Bundle succeeded: 10/10 phases succeeded", BundleSummaryText.Outcome(summary, BundleSummaryFormat.PlainText));

        var failed = summary with
        {
            Status = "failed",
            Phases = [.. summary.Phases.Select(p => p.Key == "monitoring" ? p with { Status = "failed", Reason = "no valid answer after 3 attempts" } : p)],
        };
        var outcome = BundleSummaryText.Outcome(failed, BundleSummaryFormat.Markdown);
        Assert.StartsWith("**Bundle failed:** 9/10 phases succeeded", outcome);
        Assert.Contains("\n- Phase 7 monitoring: failed — no valid answer after 3 attempts", outcome);
        var russian = BundleSummaryText.Outcome(failed with { Language = Language.Ru }, BundleSummaryFormat.PlainText);
        Assert.StartsWith("Комплект не завершён: успешно 9 из 10 фаз", russian);
        Assert.Contains("\nФаза 7 monitoring: ошибка — no valid answer after 3 attempts", russian);
    }

    [Fact]
    public void A_folder_without_a_readable_manifest_has_no_summary()
    {
        Assert.Null(BundleSummary.Read(_temp.Path));
        File.WriteAllText(_temp.Combine("bundle.json"), "{ not json");
        Assert.Null(BundleSummary.Read(_temp.Path));
    }
}
