using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// vshard APIs (<c>vshard.*</c>), its bucket space and the sharding roles appear only in bundles of sharded clusters:
/// a reader of a replicated or single-instance bundle must not look for routers, buckets or a sharding section that
/// do not exist. Naming vshard as the target of a future migration (capacity plan, scaling guide) is allowed.
/// </summary>
public sealed partial class VshardMentionsTests(SampleBundlesFixture bundles) : IClassFixture<SampleBundlesFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public static TheoryData<string> SampleFiles => Samples.Files();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Non_sharded_samples_do_not_mention_vshard(string sample)
    {
        var root = bundles.BundleOf(sample);
        if (Sharded(root)) return;
        var leaks = Leaks(root).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Theory]
    [InlineData("replicated", "on-premises", "3.7")]
    [InlineData("single-instance", "on-premises", "3.7")]
    [InlineData("replicated", "kubernetes", "3.7")]
    [InlineData("multi-region", "aws", "3.7")]
    [InlineData("replicated", "on-premises", "2.11")]
    public async Task Non_sharded_requests_do_not_mention_vshard(string type, string cloud, string version)
    {
        var root = _temp.Combine($"{type}-{cloud}-{version}");
        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "accounts", "--cluster-type", type, "--environment", "production",
            "--cloud-provider", cloud, "--tarantool-version", version, "Accounts store, 20 GB.", "--output", root]);
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        Assert.False(Sharded(root));

        var leaks = Leaks(root).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }

    [Fact]
    public void The_scan_sees_a_vshard_call_and_a_sharding_role()
    {
        Assert.Matches(Mention(), "vshard.router.callrw('put', {1})");
        Assert.Matches(Mention(), "sharding:\n  roles: [storage]");
        Assert.Matches(Mention(), "memtx holds the data (and vshard's bucket space)");
        Assert.DoesNotMatch(Mention(), "replication:\n  failover: election");
    }

    private static bool Sharded(string root)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        var request = manifest.RootElement.GetProperty("request");
        return request.GetProperty("enableSharding").GetBoolean() || request.GetProperty("clusterType").GetString() is "sharded" or "cartridge";
    }

    /// <summary>Every text file a user reads or runs, except the typed phase outputs and the manifest.</summary>
    private static IEnumerable<string> Leaks(string root)
    {
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var file = Path.GetRelativePath(root, path).Replace('\\', '/');
            if (file is "bundle.json" || file.StartsWith("outputs/", StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
                if (Mention().IsMatch(lines[i])) yield return $"{file}:{i + 1}: {lines[i].Trim()}";
        }
    }

    [GeneratedRegex(@"vshard\.\w|vshard's bucket|бакетов vshard|sharding roles?|roles: \[[^\]]*\b(storage|router)\b|^\s*sharding:|роли шардирования", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Mention();

    public void Dispose() => _temp.Dispose();
}
