using System.Text.Json;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>A rerun into an existing bundle never overwrites hand edits silently and says which files it removed.</summary>
public sealed class RerunTests : IDisposable
{
    private static readonly string[] Request = ["--cluster-name", "ledger", "--cluster-type", "replicated", "--environment", "staging", "Ledger, 40 GB, 5k read RPS"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_rerun_over_hand_edited_files_exits_2_names_them_and_writes_nothing_unless_forced()
    {
        var output = _temp.Combine("ledger");
        Assert.Equal(0, (await CliRunner.RunAsync(["plan", .. Request, "--output", output])).ExitCode);
        var setup = Path.Combine(output, "docs", "setup.md");
        var config = Path.Combine(output, "tarantool", "config.yaml");
        await File.AppendAllTextAsync(setup, "\nOur own note: the hosts are in rack 7.\n");
        await File.AppendAllTextAsync(config, "# tuned by hand\n");
        File.Delete(Path.Combine(output, "docs", "scaling.md")); // deleted, not edited: regenerating it loses nothing
        var edited = await File.ReadAllTextAsync(setup);
        var manifestBefore = await File.ReadAllTextAsync(Path.Combine(output, "bundle.json"));

        var refused = await CliRunner.RunAsync(["plan", .. Request, "--output", output]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("edited by hand", refused.Error);
        Assert.Contains("docs/setup.md", refused.Error);
        Assert.Contains("tarantool/config.yaml", refused.Error);
        Assert.DoesNotContain("docs/scaling.md", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.DoesNotContain("   at ", refused.Error); // no stack trace
        Assert.Equal(edited, await File.ReadAllTextAsync(setup));
        Assert.Equal(manifestBefore, await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        Assert.False(File.Exists(Path.Combine(output, "docs", "scaling.md")), "a refused run writes nothing");
        Assert.False(Directory.Exists(Path.Combine(output, ".tarantool-agents")), "a refused run leaves no state behind");

        var forced = await CliRunner.RunAsync(["plan", .. Request, "--output", output, "--force"]);

        Assert.Equal(0, forced.ExitCode);
        Assert.DoesNotContain("rack 7", await File.ReadAllTextAsync(setup));
        Assert.True(File.Exists(Path.Combine(output, "docs", "scaling.md")));
        // The new manifest's hashes match the files again, so a plain rerun goes through.
        Assert.Equal(0, (await CliRunner.RunAsync(["plan", .. Request, "--output", output])).ExitCode);
    }

    [Fact]
    public async Task Batch_refuses_a_hand_edited_bundle_in_its_table_and_force_overwrites_it()
    {
        var request = _temp.Combine("ledger.yaml");
        await File.WriteAllTextAsync(request, "cluster-name: ledger\ncluster-type: replicated\nenvironment: staging\ndescription: Ledger, 40 GB, 5k read RPS\n");
        var root = _temp.Combine("bundles");
        Assert.Equal(0, (await CliRunner.RunAsync(["batch", request, "--output", root])).ExitCode);
        await File.AppendAllTextAsync(Path.Combine(root, "ledger-staging", "docs", "operations.md"), "\nlocal change\n");

        var refused = await CliRunner.RunAsync(["batch", request, "--output", root]);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("docs/operations.md", refused.Error);

        Assert.Equal(0, (await CliRunner.RunAsync(["batch", request, "--output", root, "--force"])).ExitCode);
    }

    [Fact]
    public async Task A_rerun_that_no_longer_produces_files_removes_them_and_says_which()
    {
        var output = _temp.Combine("ledger");
        Assert.Equal(0, (await CliRunner.RunAsync(["plan", .. Request, "--cloud-provider", "aws", "--deployment", "vm", "--output", output])).ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "deploy", "ansible", "deploy.yml")));

        var kubernetes = await CliRunner.RunAsync(["plan", .. Request, "--cloud-provider", "aws", "--deployment", "kubernetes", "--output", output]);

        Assert.Equal(0, kubernetes.ExitCode);
        Assert.Contains("no longer produces", kubernetes.Error);
        Assert.Contains("deploy/ansible/deploy.yml", kubernetes.Error);
        Assert.False(File.Exists(Path.Combine(output, "deploy", "ansible", "deploy.yml")));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        Assert.DoesNotContain(manifest.RootElement.GetProperty("artifacts").EnumerateArray(), a => a.GetProperty("path").GetString()!.StartsWith("deploy/ansible/", StringComparison.Ordinal));
    }
}
