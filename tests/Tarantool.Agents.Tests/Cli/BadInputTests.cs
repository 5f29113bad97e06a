using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>Bad input: exit code 2, one clear message on stderr, no stack trace, nothing written.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output => _temp.Combine("bundle");

    public static TheoryData<string[], string> Cases => new()
    {
        { ["plan", "--cluster-nme", "x"], "--cluster-nme" },
        { ["plan", "--cluster-type", "sharded", "--environment", "production", "Orders DB"], "--cluster-name" },
        { ["plan", "--cluster-name", "orders", "--environment", "production", "an orders database"], "--cluster-type" },
        { ["plan", "--cluster-name", "orders", "--cluster-type", "galaxy", "--environment", "production"], "galaxy" },
        { ["plan", "--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "prod-ish"], "prod-ish" },
        { ["plan", "--cluster-name", "../x", "--cluster-type", "replicated", "--environment", "production"], "cluster name" },
        { ["plan", "--cluster-name", "/etc", "--cluster-type", "replicated", "--environment", "production"], "cluster name" },
        { ["plan", "--cluster-name", "a;rm -rf", "--cluster-type", "replicated", "--environment", "production"], "cluster name" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--enable-sharding", "true"], "shard" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "single-instance", "--environment", "production", "--replication-mode", "master-master"], "master-master" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "0"], "shard" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--backup-retention-days", "-3"], "retention" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--backup-retention-days", "many"], "backup-retention-days" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--tarantool-version", "1.10"], "tarantool-version" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--language", "de"], "de" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--max-parallel", "0"], "--max-parallel" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--provider", "skynet"], "skynet" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--provider", "openai-compatible", "--model", "m"], "endpoint" },
        { ["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--description-file", "/nonexistent/description.txt"], "does not exist" },
        { ["prompts", "render", "--phase", "11", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production"], "--phase" },
        { ["prompts", "render", "--phase", "9", "--part", "faq", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production"], "--part must be one of setup, operations" },
        { ["prompts", "render", "--phase", "1", "--part", "setup", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production"], "has no parts" },
        { ["frobnicate"], "frobnicate" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Exits_2_with_a_clear_message_and_writes_nothing(string[] args, string mentioned)
    {
        var result = await CliRunner.RunAsync([.. args, .. args[0] == "plan" ? new[] { "--output", Output } : []]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mentioned, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(Output), "nothing may be written for bad input");
    }

    [Fact]
    public async Task A_binary_description_file_is_refused()
    {
        var file = _temp.Combine("description.bin");
        await File.WriteAllBytesAsync(file, [0x4f, 0x72, 0x00, 0xff, 0xfe, 0x01]);

        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--description-file", file, "--output", Output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("description file", result.Error);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public async Task A_description_over_a_megabyte_is_refused()
    {
        var file = _temp.Combine("description.txt");
        await File.WriteAllTextAsync(file, new string('a', 1024 * 1024 + 10));

        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--description-file", file, "--output", Output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("larger than", result.Error);
    }

    [Fact]
    public async Task An_existing_folder_that_is_not_a_bundle_is_not_overwritten()
    {
        Directory.CreateDirectory(Output);
        var precious = Path.Combine(Output, "notes.txt");
        await File.WriteAllTextAsync(precious, "keep me");

        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "x", "--cluster-type", "replicated", "--environment", "production", "--output", Output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a bundle", result.Error);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(Output).Select(Path.GetFileName));
        Assert.Equal("keep me", await File.ReadAllTextAsync(precious));
    }

    [Fact]
    public async Task Intake_json_prints_the_document_with_its_errors_and_exits_2()
    {
        var result = await CliRunner.RunAsync(["intake", "--json", "--cluster-type", "sharded", "Orders DB, 4 shards"]);

        Assert.Equal(2, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.Equal("en", doc.RootElement.GetProperty("language").GetString());
        Assert.NotEmpty(doc.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Contains("cluster-name", doc.RootElement.GetProperty("errors")[0].GetString());
    }
}
