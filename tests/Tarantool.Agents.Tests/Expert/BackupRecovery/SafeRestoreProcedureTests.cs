using System.Text.RegularExpressions;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Expert.BackupRecovery;

/// <summary>
/// A restored snapshot carries the UUID and instance name of the member it was taken on, and Tarantool 3.x refuses to
/// start it under another name: full and point-in-time restores must seed the backup source itself, make it the
/// leader and rebuild the other members empty from it. On a sharded cluster the guide must say what rewinding one
/// shard does to the buckets.
/// </summary>
public sealed partial class SafeRestoreProcedureTests
{
    internal static readonly string[] VmManualSharded =
        ["--cluster-name", "ledger", "--cluster-type", "sharded", "--environment", "production", "--ha-strategy", "passive-failover", "--deployment", "vm", "--shard-count", "2", "Ledger, 40 GB"];

    internal static readonly string[] KubernetesElection =
        ["--cluster-name", "billing", "--cluster-type", "replicated", "--environment", "production", "--cloud-provider", "aws", "--ha-strategy", "active-failover", "Billing, 30 GB"];

    internal static readonly string[] KubernetesManual =
        ["--cluster-name", "geo", "--cluster-type", "replicated", "--environment", "production", "--cloud-provider", "kubernetes", "--ha-strategy", "passive-failover", "Geo, 10 GB"];

    public static TheoryData<string> Forms => new("vm-manual-sharded", "k8s-election", "k8s-manual");

    internal static string[] Args(string form) => form switch
    {
        "vm-manual-sharded" => VmManualSharded,
        "k8s-election" => KubernetesElection,
        _ => KubernetesManual,
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_lost_replicaset_is_restored_into_the_backup_sources_own_directory_and_started_under_its_name(string form)
    {
        var bundle = await PlannedBundle.PlanAsync(Args(form));
        var (replicaset, source) = FirstBackupSource(bundle["backup/lib.sh"]);
        var dataRoot = DataRoot(bundle["backup/lib.sh"]);
        var guide = Section(bundle["docs/backup-recovery.md"], "(`lost-replicaset`)");

        Assert.Contains($"The backup of `{source}` restores only as `{source}`", guide, StringComparison.Ordinal);
        if (form.StartsWith("vm", StringComparison.Ordinal))
        {
            Assert.Contains($"restore.sh {source} --data-dir {dataRoot}/{source}`", guide, StringComparison.Ordinal);
            var restores = RestoreCommand().Matches(guide).Select(m => (Backup: m.Groups[1].Value, Into: m.Groups[2].Value)).ToList();
            Assert.NotEmpty(restores);
            Assert.All(restores, r => Assert.Equal($"{dataRoot}/{r.Backup}", r.Into));
        }
        else
        {
            // On Kubernetes the helper pod restores into the seed's own volume and its own data directory.
            Assert.Contains($"--arg seed {source}", guide, StringComparison.Ordinal);
            Assert.Contains("\"--data-dir\", \"/var/lib/tarantool/\" + $seed", guide, StringComparison.Ordinal);
            Assert.Contains($"data-{source}", guide, StringComparison.Ordinal);
        }

        // The seed leads before empty members join from it: a new replica is registered by the writable member.
        var leads = form.Contains("manual", StringComparison.Ordinal)
            ? $"`replicasets.{replicaset}.leader: {source}`"
            : "`replication.synchro_quorum: 1`";
        Assert.Contains(leads, guide, StringComparison.Ordinal);
        var othersJoin = form.StartsWith("vm", StringComparison.Ordinal) ? "with empty data directories" : "so they start empty and rebuild from";
        Assert.True(guide.IndexOf(leads, StringComparison.Ordinal) < guide.IndexOf(othersJoin, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Point_in_time_recovery_seeds_only_the_instance_the_backup_was_taken_on(string form)
    {
        var bundle = await PlannedBundle.PlanAsync(Args(form));
        var (replicaset, source) = FirstBackupSource(bundle["backup/lib.sh"]);
        var guide = bundle["docs/backup-recovery.md"];

        var corruption = Section(guide, "(`logical-corruption`)");
        Assert.Contains($"into `{source}`'s data directory", corruption, StringComparison.Ordinal);
        Assert.DoesNotContain("into the leader's data directory", corruption, StringComparison.Ordinal);
        Assert.Contains($"the snapshot of `{source}` carries `{source}`'s UUID and instance name", guide, StringComparison.Ordinal);
        Assert.Contains($"make `{source}` the leader", guide, StringComparison.Ordinal);

        // restore.sh itself tells the operator where the recovered snapshot may go: the restored instance's own directory.
        var restore = bundle["backup/restore.sh"];
        Assert.Contains("copy it into ${DATA_ROOT}/${INSTANCE} only, make ${INSTANCE} the leader", restore, StringComparison.Ordinal);
        Assert.DoesNotContain("<leader>", restore, StringComparison.Ordinal);
        Assert.Contains(replicaset, bundle["backup/lib.sh"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sharded_guide_says_what_rewinding_one_shard_does_to_the_buckets()
    {
        var sharded = (await PlannedBundle.PlanAsync(VmManualSharded))["docs/backup-recovery.md"];
        Assert.Contains("Buckets the rebalancer moved out of it after the restore point become active in two replicasets", sharded, StringComparison.Ordinal);
        Assert.Contains("vshard.storage.rebalancer_disable()", sharded, StringComparison.Ordinal);
        Assert.Contains("vshard.storage.buckets_info()", sharded, StringComparison.Ordinal);
        Assert.Contains("restore every replicaset to the same moment", sharded, StringComparison.Ordinal);

        var replicated = (await PlannedBundle.PlanAsync(KubernetesElection))["docs/backup-recovery.md"];
        Assert.DoesNotContain("rebalancer_disable", replicated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_russian_guide_explains_the_instance_name_check_in_russian()
    {
        var bundle = await PlannedBundle.PlanAsync(["--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--cloud-provider", "kubernetes", "--shard-count", "2", "Шардированный кластер заказов, 50 ГБ данных"]);
        var guide = bundle["docs/backup-recovery.md"];
        Assert.Contains("Tarantool 3.x откажется запускать его под другим именем", guide, StringComparison.Ordinal);
        Assert.Contains("бакеты", guide, StringComparison.OrdinalIgnoreCase);
    }

    internal static (string Replicaset, string Instance) FirstBackupSource(string backupLib)
    {
        var match = BackupSource().Match(backupLib);
        Assert.True(match.Success, "backup/lib.sh lists no backup source");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private static string DataRoot(string backupLib) => DataRootLine().Match(backupLib).Groups[1].Value;

    /// <summary>The text of the guide's subsection whose heading ends with <paramref name="headingEnd"/>.</summary>
    internal static string Section(string markdown, string headingEnd)
    {
        var lines = markdown.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith('#') && l.TrimEnd().EndsWith(headingEnd, StringComparison.Ordinal));
        Assert.True(start >= 0, $"no heading ending with {headingEnd}");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith('#'));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    [GeneratedRegex(@"BACKUP_SOURCES=\(\s*""(\S+) (\S+) (\S+)""")]
    private static partial Regex BackupSource();

    [GeneratedRegex(@"DATA_ROOT=""\$\{DATA_ROOT:-([^}]+)\}""")]
    private static partial Regex DataRootLine();

    [GeneratedRegex(@"restore\.sh (\S+) --data-dir (\S+?)[`\s]")]
    private static partial Regex RestoreCommand();
}
