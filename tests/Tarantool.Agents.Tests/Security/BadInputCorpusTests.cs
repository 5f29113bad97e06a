using System.Text;

namespace Tarantool.Agents.Tests.Security;

/// <summary>
/// A corpus of hostile and malformed input: each gets exit code 2 with a message naming the problem, no stack trace,
/// and nothing written. (HTTP bodies for <c>serve</c> are in Server/ExpertServerTests.)
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private static readonly string[] Valid = ["--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Output => _temp.Combine("out");

    private static string[] With(string flag, string value) =>
        [.. Valid.Where((_, i) => i % 2 == 1 ? Valid[i - 1] != flag : Valid[i] != flag), flag, value];

    public static TheoryData<string, string[], string> Plans => new()
    {
        { "yaml metacharacters in the name", With("--cluster-name", "name: y"), "cluster name" },
        { "command substitution in the name", With("--cluster-name", "$(rm -rf ~)"), "cluster name" },
        { "backticks in the name", With("--cluster-name", "`id`"), "cluster name" },
        { "newline in the name", With("--cluster-name", "a\nb"), "cluster name" },
        { "uppercase name", With("--cluster-name", "Orders"), "cluster name" },
        { "name starting with a digit", With("--cluster-name", "1orders"), "cluster name" },
        { "name ending with a dash", With("--cluster-name", "orders-"), "cluster name" },
        { "name of 64 characters", With("--cluster-name", new string('a', 64)), "63" },
        { "empty name", With("--cluster-name", ""), "cluster" },
        { "cyrillic name", With("--cluster-name", "заказы"), "cluster name" },
        { "name with a space", With("--cluster-name", "my orders"), "cluster name" },
        { "dot-dot name", With("--cluster-name", ".."), "cluster name" },
        { "windows path name", With("--cluster-name", "..\\..\\x"), "cluster name" },
        { "shard count not a number", With("--shard-count", "abc"), "shard-count" },
        { "shard count out of range", With("--shard-count", "99999"), "shard-count" },
        { "negative shard count", With("--shard-count", "-1"), "shard" },
        { "fractional shard count", With("--shard-count", "2.5"), "shard-count" },
        { "zero replicas", With("--replicas", "0"), "replicas" },
        { "ten replicas", With("--replicas", "10"), "replicas" },
        { "replicas not a number", With("--replicas", "three"), "replicas" },
        { "replicas for a single instance", ["plan", "--cluster-name", "x", "--cluster-type", "single-instance", "--environment", "development", "--replicas", "3"], "replicas" },
        { "zero retention", With("--backup-retention-days", "0"), "retention" },
        { "retention of 14 years", With("--backup-retention-days", "5000"), "retention" },
        { "boolean that is not", With("--enable-sharding", "maybe"), "enable-sharding" },
        { "unknown cloud", With("--cloud-provider", "digitalocean"), "digitalocean" },
        { "unknown HA strategy", With("--ha-strategy", "auto"), "ha-strategy" },
        { "unknown replication mode", With("--replication-mode", "multi"), "replication-mode" },
        { "future version", With("--tarantool-version", "4.0"), "tarantool-version" },
        { "version in words", With("--tarantool-version", "three"), "tarantool-version" },
        { "parallelism not a number", [.. Valid, "--max-parallel", "abc"], "max-parallel" },
        { "parallelism too high", [.. Valid, "--max-parallel", "17"], "--max-parallel" },
        { "control characters in the description", [.. Valid, "Orders\u0007\u001b[2J DB"], "control characters" },
        { "description over a megabyte", [.. Valid, new string('x', 1024 * 1024 + 1)], "larger than" },
        { "distributed HA on one instance", ["--cluster-name", "x", "--cluster-type", "single-instance", "--environment", "development", "--ha-strategy", "distributed-ha"], "distributed-ha" },
        { "sharded with sharding off", [.. Valid, "--enable-sharding", "false"], "sharding" },
        { "cartridge on 3.x", ["--cluster-name", "x", "--cluster-type", "cartridge", "--environment", "staging", "--tarantool-version", "3.7"], "2.11" },
        { "openai without a key", [.. Valid, "--provider", "openai", "--model", "gpt-4o"], "API key" },
        { "endpoint that is not a URL", [.. Valid, "--provider", "openai-compatible", "--model", "m", "--endpoint", "not a url"], "not an absolute" },
        { "endpoint with a file scheme", [.. Valid, "--provider", "ollama", "--model", "m", "--endpoint", "file:///etc/passwd"], "not an absolute" },
        { "flags embedded twice with different values", ["Setup: --cluster-name a --cluster-name b --cluster-type replicated --environment production"], "cluster-name" },
        { "a description and a description file", [.. Valid, "--description-file", "/dev/null", "inline words"], "not both" },
        { "a folder as description file", [.. Valid, "--description-file", "/"], "description file" },
    };

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Plan_refuses_bad_input(string why, string[] args, string mentioned)
    {
        var result = await CliRunner.RunAsync(["plan", .. args, "--output", Output]);

        Assert.True(result.ExitCode == 2, $"{why}: exit {result.ExitCode}\n{result.Out}{result.Error}");
        Assert.Contains(mentioned, result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(Output), $"{why}: nothing may be written");
    }

    public static TheoryData<string, string, string> RequestFiles => new()
    {
        { "not YAML", "cluster-name: [unclosed", "not a YAML request file" },
        { "a list, not a mapping", "- cluster-name: x\n- cluster-type: y\n", "one YAML mapping" },
        { "an unknown key", "cluster-name: x\ncluster-type: replicated\nenvironment: production\nadmin-password: hunter2\n", "unknown key" },
        { "a nested value", "cluster-name:\n  nested: x\n", "single value" },
        { "an empty file", "", "one YAML mapping" },
        { "a path-like name", "cluster-name: ../../etc\ncluster-type: replicated\nenvironment: production\n", "cluster name" },
        { "contradictions", "cluster-name: x\ncluster-type: replicated\nenvironment: production\nenable-sharding: \"true\"\n", "shard" },
        { "control characters in the description", "cluster-name: x\ncluster-type: replicated\nenvironment: production\ndescription: \"a\\u0000b\"\n", "control characters" },
    };

    [Theory]
    [MemberData(nameof(RequestFiles))]
    public async Task Batch_refuses_a_malformed_request_file(string why, string content, string mentioned)
    {
        var file = _temp.Combine("request.yaml");
        await File.WriteAllTextAsync(file, content, new UTF8Encoding(false));

        var result = await CliRunner.RunAsync(["batch", file, "--output", Output]);

        Assert.True(result.ExitCode == 2, $"{why}: exit {result.ExitCode}\n{result.Out}{result.Error}");
        Assert.Contains(mentioned, result.Out + result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(Output) && Directory.EnumerateFileSystemEntries(Output).Any(), $"{why}: nothing may be written");
    }

    [Fact]
    public async Task Batch_refuses_a_binary_request_file_and_a_missing_one()
    {
        var binary = _temp.Combine("binary.yaml");
        await File.WriteAllBytesAsync(binary, [0xff, 0xfe, 0x00, 0x01, 0x80]);

        var result = await CliRunner.RunAsync(["batch", binary, _temp.Combine("missing.yaml"), "--output", Output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not UTF-8", result.Error);
        Assert.Contains("does not exist", result.Error);
    }
}
