using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// <c>plan --replicas N</c> end to end: every later phase follows the count through the capacity plan and the
/// topology — the config's replicasets and quorum, the StatefulSets on Kubernetes, the Ansible inventory on VMs, the
/// docs — and a count that costs availability reaches bundle.json's warnings in the request's language.
/// </summary>
public sealed partial class ReplicaCountBundleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<string> PlanAsync(string name, params string[] extra)
    {
        var output = _temp.Combine(name);
        var result = await CliRunner.RunAsync(
        [
            "plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "2",
            "--output", output, .. extra, "Orders database, 100 GB, 20k read RPS and 2k write RPS",
        ]);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        return output;
    }

    [Fact]
    public async Task Four_replicas_on_kubernetes_give_statefulsets_of_four_and_a_quorum_of_three()
    {
        var bundle = await PlanAsync("k8s", "--cloud-provider", "aws", "--deployment", "kubernetes", "--replicas", "4");

        var config = await File.ReadAllTextAsync(Path.Combine(bundle, "tarantool", "config.yaml"));
        Assert.Contains("synchro_quorum: 3", config);
        Assert.Equal(8, StorageInstance().Matches(config).Select(m => m.Value).Distinct().Count());
        var statefulSets = Directory.EnumerateFiles(Path.Combine(bundle, "kubernetes"), "*.yaml", SearchOption.AllDirectories)
            .SelectMany(f => File.ReadAllText(f).Split("\n---", StringSplitOptions.RemoveEmptyEntries))
            .Where(d => Regex.IsMatch(d, "(?m)^kind: StatefulSet$") && d.Contains("storage", StringComparison.Ordinal))
            .ToList();
        // One StatefulSet of four per shard (the others are the routers', which name the storages they route to).
        Assert.Equal(2, statefulSets.Count(s => Regex.IsMatch(s, @"\n  replicas: 4\n")));

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "bundle.json")));
        Assert.Equal(4, manifest.RootElement.GetProperty("request").GetProperty("replicas").GetInt32());
        var scaling = await File.ReadAllTextAsync(Path.Combine(bundle, "docs", "scaling.md"));
        Assert.Contains("2 × 4", scaling);
    }

    [Fact]
    public async Task Five_replicas_on_vms_give_five_inventory_hosts_per_replicaset()
    {
        var bundle = await PlanAsync("vm", "--cloud-provider", "on-premises", "--replicas", "5");

        var inventory = await File.ReadAllTextAsync(Path.Combine(bundle, "deploy", "ansible", "inventory.yml"));
        var instances = StorageInstance().Matches(inventory).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(10, instances.Count);
        var config = await File.ReadAllTextAsync(Path.Combine(bundle, "tarantool", "config.yaml"));
        Assert.Contains("synchro_quorum: 3", config);
    }

    [Theory]
    [InlineData("en", "2 instances per replicaset (--replicas 2) with Raft election")]
    [InlineData("ru", "2 инстанса в наборе реплик (--replicas 2) с выборами Raft")]
    public async Task Two_replicas_under_raft_warn_in_the_requests_language(string language, string warning)
    {
        var bundle = await PlanAsync("two-" + language, "--replicas", "2", "--language", language);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(bundle, "bundle.json")));
        var warnings = manifest.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("message").GetString()!).ToList();
        Assert.Contains(warnings, w => w.StartsWith(warning, StringComparison.Ordinal));
        var config = await File.ReadAllTextAsync(Path.Combine(bundle, "tarantool", "config.yaml"));
        Assert.Contains("synchro_quorum: 2", config);
    }

    [Fact]
    public async Task A_replica_count_out_of_range_exits_2_and_writes_nothing()
    {
        var output = _temp.Combine("bad");
        var result = await CliRunner.RunAsync(["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--replicas", "12", "--output", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--replicas: 12 instances per replicaset is out of range; use 1 to 9", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.False(Directory.Exists(output));
    }

    [GeneratedRegex(@"\bstorage-\d+-\d+\b")]
    private static partial Regex StorageInstance();
}
