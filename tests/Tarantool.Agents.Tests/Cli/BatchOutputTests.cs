namespace Tarantool.Agents.Tests.Cli;

/// <summary><c>batch</c> shows progress while it runs and ends with a table that has headers, also when piped.</summary>
public sealed class BatchOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Batch_prints_progress_per_request_and_a_table_with_headers_and_aligned_columns()
    {
        var good = _temp.Combine("ledger.yaml");
        await File.WriteAllTextAsync(good, "cluster-name: ledger\ncluster-type: replicated\nenvironment: staging\ndescription: Ledger, 40 GB\n");
        var bad = _temp.Combine("broken.yaml");
        await File.WriteAllTextAsync(bad, "cluster-name: broken\ndescription: no type, no environment\n");

        var result = await CliRunner.RunAsync(["batch", good, bad, "--output", _temp.Combine("out"), "--max-parallel", "1"]);

        Assert.Equal(2, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("[1/2] ledger-staging: started", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[1/2] ledger-staging: capacity-planning done (1/10)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[1/2] ledger: succeeded", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("[2/2] ", StringComparison.Ordinal) && l.Contains(": invalid (", StringComparison.Ordinal));

        var header = Array.FindIndex(lines, l => l.StartsWith("request ", StringComparison.Ordinal));
        Assert.True(header >= 0, result.Out);
        Assert.Matches(@"^request\s+cluster\s+status\s+phases\s+bundle / reason$", lines[header]);
        var rows = lines[(header + 1)..(header + 3)];
        var statusColumn = lines[header].IndexOf("status", StringComparison.Ordinal);
        Assert.Equal("succeeded", rows[0][statusColumn..].Split(' ')[0]);
        Assert.Equal("invalid", rows[1][statusColumn..].Split(' ')[0]);
        Assert.Matches(@"^1 of 2 request\(s\) succeeded, \d+ warning\(s\)\.$", lines[header + 3]);
    }
}
