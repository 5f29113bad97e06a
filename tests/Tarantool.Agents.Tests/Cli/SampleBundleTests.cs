using System.Text.Json;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>Every sample yields a bundle with ten succeeded phases and no validation errors on the embedded expert.</summary>
public sealed class SampleBundleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> SampleFiles => Samples.Files();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task A_sample_produces_a_complete_valid_bundle_in_its_language(string sample)
    {
        var result = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Path]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);

        var root = Directory.GetDirectories(_temp.Path).Single();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(root, "bundle.json")));
        var phases = manifest.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10), phases.Select(p => p.GetProperty("id").GetInt32()));
        Assert.All(phases, p => Assert.Equal("succeeded", p.GetProperty("status").GetString()));
        Assert.All(phases, p => Assert.Empty(p.GetProperty("validation").GetProperty("errors").EnumerateArray()));
        // Files that passed the checks provide a criterion; nothing was run against a cluster, so nothing is verified,
        // and each criterion says what would verify it.
        Assert.All(manifest.RootElement.GetProperty("successCriteria").EnumerateArray(), c =>
        {
            Assert.Equal("provided", c.GetProperty("status").GetString());
            Assert.False(c.GetProperty("verified").GetBoolean(), c.ToString());
            Assert.NotEqual("", c.GetProperty("verify").GetString());
        });

        var language = manifest.RootElement.GetProperty("language").GetString() == "ru" ? Language.Ru : Language.En;
        var expected = sample.Contains("-ru", StringComparison.Ordinal) ? Language.Ru : Language.En;
        Assert.Equal(expected, language);
        foreach (var narrative in Directory.EnumerateFiles(Path.Combine(root, "phases")))
            Assert.Equal(language, LanguageDetector.Detect(await File.ReadAllTextAsync(narrative)));
        foreach (var doc in Directory.EnumerateFiles(Path.Combine(root, "docs")))
            Assert.Equal(language, LanguageDetector.Detect(await File.ReadAllTextAsync(doc)));

        // Every listed artifact exists with the recorded hash; nothing else is in the bundle.
        var artifacts = manifest.RootElement.GetProperty("artifacts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("path").GetString()!, a => a.GetProperty("sha256").GetString()!);
        var files = Samples.BundleFiles(root);
        Assert.Equal(artifacts.Keys.Order(StringComparer.Ordinal), files.Keys);
        foreach (var (path, content) in files)
            Assert.Equal(artifacts[path], Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))));
        Assert.False(Directory.Exists(Path.Combine(root, ".tarantool-agents")), "a completed run leaves no state behind");
    }

    [Fact]
    public async Task The_same_request_gives_byte_identical_files_and_technical_terms_stay_intact_in_russian()
    {
        var sample = Samples.PathOf("04-sharded-kubernetes-ru.yaml");
        var first = await CliRunner.RunAsync(["batch", sample, "--output", _temp.Combine("a")]);
        var second = await CliRunner.RunAsync(["batch", sample, "--output", _temp.Combine("b")]);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);

        var a = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("a")).Single());
        var b = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("b")).Single());
        Assert.Equal(a, b);

        var topology = a["phases/02-topology.md"];
        Assert.Contains("vshard", topology);
        Assert.Contains("storage-001", topology);
        Assert.Contains("failover", a["phases/04-configuration.md"]);
        Assert.Contains("memtx", a["phases/01-capacity-planning.md"]);
    }
}
