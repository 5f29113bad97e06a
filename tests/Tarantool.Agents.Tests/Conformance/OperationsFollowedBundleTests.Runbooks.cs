using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>The runbooks of <see cref="OperationsFollowedBundleTests"/>: what an on-call engineer runs at 3 a.m.</summary>
public sealed partial class OperationsFollowedBundleTests
{
    private static string Heading(string language, string en, string ru) => language == "ru" ? ru : en;

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Membership_changes_carry_the_quorum_and_removal_releases_the_wal(string form, string language)
    {
        var bundle = await Plan(form, language);
        var replicas = Section(bundle["docs/operations.md"], Heading(language, "Adding and removing a replica", "Добавление и удаление реплики"));
        // Adding storage-001-4 to three members: N / 2 + 1 = 3; removing one of three: 2.
        Assert.Contains(language == "ru" ? "`replication.synchro_quorum` для `storage-001` в 3" : "`replication.synchro_quorum` for `storage-001` to 3", replicas);
        Assert.Contains("N / 2 + 1", replicas);
        Assert.Contains("box.info.synchro.quorum", replicas);
        var removal = replicas[replicas.IndexOf("### ", StringComparison.Ordinal)..];
        Assert.Contains("box.space._cluster:delete(id)", removal);
        Assert.Contains("box.info.gc().consumers", removal);
        Assert.Contains(language == "ru" ? "в 2 (N / 2 + 1 от 2" : "to 2 (N / 2 + 1 of 2", removal);
        var configStep = removal.IndexOf("config.yaml", StringComparison.Ordinal);
        var clusterDelete = removal.IndexOf("box.space._cluster:delete", StringComparison.Ordinal);
        Assert.True(configStep >= 0 && configStep < clusterDelete, "the replica leaves the configuration before its _cluster record goes");
        if (form == "kubernetes")
        {
            Assert.Contains("kubectl scale statefulset -n orders storage-001 --replicas=2", removal);
            Assert.DoesNotContain("kubectl delete pod", removal);
            Assert.Contains("storage-001-3", removal);
        }
        else
        {
            Assert.Contains("systemctl disable --now", removal);
        }
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Vertical_scaling_raises_the_memory_limit_before_memtx_memory(string form, string language)
    {
        var bundle = await Plan(form, language);
        var vertical = Section(bundle["docs/scaling.md"], Heading(language, "Vertical scaling", "Вертикальное масштабирование"));
        var limit = vertical.IndexOf(form == "kubernetes" ? "resources.limits.memory" : "MemoryMax=", StringComparison.Ordinal);
        var memtx = vertical.IndexOf("memtx:\n  memory:", StringComparison.Ordinal);
        Assert.True(limit >= 0, "the limit is raised");
        Assert.True(memtx > limit, "memtx.memory is raised only after the limit");
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task A_whole_replicaset_restores_under_the_backups_own_instance_name_on_its_form(string form, string language)
    {
        var bundle = await Plan(form, language);
        var procedures = Section(bundle["docs/backup-recovery.md"], Heading(language, "Restore procedures", "Процедуры восстановления"));
        var start = procedures.IndexOf("(`lost-replicaset`)", StringComparison.Ordinal);
        var lost = procedures[start..procedures.IndexOf("\n### ", start, StringComparison.Ordinal)];
        // storage-001-3 is storage-001's backup instance: its backup is restored into its own data directory only.
        if (form == "kubernetes")
        {
            // The backup CronJob's pod: the image with the storage client and the identity that may read the backups
            // (the database pods have neither).
            Assert.Contains("kubectl get cronjob -n orders ", lost);
            Assert.DoesNotContain("kubectl get statefulset", lost);
            Assert.Contains("jq --arg seed storage-001-3 ", lost);
            Assert.Contains(".persistentVolumeClaim = {claimName: (\"data-\" + $seed)}", lost);
            Assert.Contains(".args = [$seed, \"--data-dir\", \"/var/lib/tarantool/\" + $seed]", lost);
        }
        else
            Assert.Matches(@"restore\.sh storage-001-3 --data-dir \S*/storage-001-3`", lost);
        Assert.Contains("replication.synchro_quorum: 1", lost);
        Assert.Contains("box.ctl.promote()", lost);
        Assert.Contains("replication.synchro_quorum: 2", lost);
        if (form == "kubernetes")
        {
            var zero = lost.IndexOf("--replicas=0", StringComparison.Ordinal);
            var helper = lost.IndexOf("kubectl apply -f -", StringComparison.Ordinal);
            var back = lost.IndexOf("--replicas=3", StringComparison.Ordinal);
            Assert.True(zero >= 0 && zero < helper && helper < back, "scale to zero, restore from a helper pod, scale back");
            Assert.Contains("kubectl apply -f kubernetes/configmap.yaml", lost);
        }
        else
        {
            Assert.Contains("ansible-playbook restore.yml -e restore_instance=storage-001-3", lost);
        }
    }

    /// <summary>
    /// The runbook's jq program, run by a real jq on the bundle's own backup CronJob, gives a pod that can restore: the
    /// backup image and service account (the database pods have no storage client and no cloud identity), the seed's
    /// volume writable, no affinity to the scaled-down StatefulSet's pods.
    /// </summary>
    [ToolFact("jq")]
    public async Task The_whole_replicaset_restore_builds_its_helper_pod_from_the_backup_cronjob()
    {
        var bundle = await Plan("kubernetes", "en");
        var command = HelperPodCommand().Match(bundle["docs/backup-recovery.md"]);
        Assert.True(command.Success, "the runbook builds its helper pod with jq from a CronJob");
        var (job, seed, program) = (command.Groups["job"].Value, command.Groups["seed"].Value, command.Groups["program"].Value);
        var cronJob = YamlDocuments(bundle["deploy/kubernetes/backup-cronjob.yaml"])
            .Single(d => d.GetProperty("metadata").GetProperty("name").GetString() == job);

        var (code, output) = ExternalTool.Run("jq", ["--arg", "seed", seed, program], stdin: cronJob.GetRawText());

        Assert.True(code == 0, output);
        using var pod = JsonDocument.Parse(output);
        var spec = pod.RootElement.GetProperty("spec");
        var template = cronJob.GetProperty("spec").GetProperty("jobTemplate").GetProperty("spec").GetProperty("template").GetProperty("spec");
        Assert.Equal("Pod", pod.RootElement.GetProperty("kind").GetString());
        Assert.Equal("orders", pod.RootElement.GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal(template.GetProperty("serviceAccountName").GetString(), spec.GetProperty("serviceAccountName").GetString());
        var container = spec.GetProperty("containers")[0];
        Assert.Equal(template.GetProperty("containers")[0].GetProperty("image").GetString(), container.GetProperty("image").GetString());
        Assert.EndsWith("/restore.sh", container.GetProperty("command")[0].GetString());
        Assert.Equal([seed, "--data-dir", $"/var/lib/tarantool/{seed}"], container.GetProperty("args").EnumerateArray().Select(a => a.GetString()!));
        Assert.Contains(spec.GetProperty("volumes").EnumerateArray(),
            v => v.TryGetProperty("persistentVolumeClaim", out var claim) && claim.GetProperty("claimName").GetString() == $"data-{seed}");
        Assert.DoesNotContain(container.GetProperty("volumeMounts").EnumerateArray(), m => m.TryGetProperty("readOnly", out _));
        Assert.False(spec.TryGetProperty("affinity", out _));
        Assert.Equal("Never", spec.GetProperty("restartPolicy").GetString());
    }

    [GeneratedRegex(@"kubectl get cronjob -n orders (?<job>\S+) -o json \| jq --arg seed (?<seed>\S+) '(?<program>[^']+)'")]
    private static partial Regex HelperPodCommand();

    /// <summary>Every document of a multi-document YAML file as JSON, as <c>kubectl get -o json</c> would give it.</summary>
    private static List<JsonElement> YamlDocuments(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var deserializer = new YamlDotNet.Serialization.DeserializerBuilder().Build();
        var json = new YamlDotNet.Serialization.SerializerBuilder().JsonCompatible().Build();
        var documents = new List<JsonElement>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize<object>(parser) is { } document)
                documents.Add(JsonDocument.Parse(json.Serialize(document)).RootElement.Clone());
        }

        return documents;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Point_in_time_recovery_replays_every_replica_id(string form, string language)
    {
        var bundle = await Plan(form, language);
        foreach (var guide in new[] { "docs/backup-recovery.md", "docs/training.md" })
        {
            Assert.DoesNotMatch(@"tt play[^\n]*--replica 1", bundle[guide]);
            Assert.Contains("tt play localhost:3399 /restore/xlog/*.xlog --timestamp", bundle[guide]);
        }
        var pitr = Section(bundle["docs/backup-recovery.md"], Heading(language, "Point-in-time recovery", "Восстановление на момент времени"));
        // One required tt version, the one setup.md installs, named where the tt play/cat commands are used.
        Assert.Matches(@"tt (версии )?" + Regex.Escape(Tarantool.Agents.ClusterConfig.TtRelease.MinimumVersion), pitr);
        Assert.Matches(@"tt (версии )?" + Regex.Escape(Tarantool.Agents.ClusterConfig.TtRelease.MinimumVersion), bundle["docs/setup.md"]);
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Training_fails_the_cluster_the_way_its_form_fails_with_a_measured_write_load(string form, string language)
    {
        var bundle = await Plan(form, language);
        var training = bundle["docs/training.md"];
        Assert.Contains("drill-load.lua", training);
        Assert.Contains("conn.space.drill:insert", training);
        Assert.Contains(Heading(language, "Lose the leader", "Потерять лидера"), training);
        Assert.Contains(Heading(language, "Partition the leader from its replicas", "Отрезать лидера от реплик"), training);
        Assert.Contains(Heading(language, "Restore a whole replicaset", "Восстановить репликасет целиком"), training);
        if (form == "kubernetes")
        {
            Assert.DoesNotContain("kill -9 1", training);
            Assert.Contains("--grace-period=0 --force", training);
            Assert.Contains("kind: NetworkChaos", training);
            Assert.Contains("\"runAsNonRoot\":true", training);
        }
        else
        {
            Assert.Contains("systemctl kill -s SIGKILL", training);
            Assert.Contains("iptables -I INPUT", training);
        }
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public async Task Troubleshooting_covers_the_incidents_people_actually_have(string form, string language)
    {
        var bundle = await Plan(form, language);
        var text = bundle["docs/troubleshooting.md"];
        foreach (var incident in new[] { "ER_MEMORY_ISSUE", "ENOSPC", "Missing .xlog", "Duplicate key", "fiber.top()", "box.info.election", "vshard.storage.buckets_info" })
            Assert.Contains(incident, text);
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("kubernetes")]
    public async Task Russian_guides_are_russian_with_a_decimal_comma_and_no_empty_lists(string form)
    {
        var bundle = await Plan(form, "ru");
        foreach (var path in bundle.Paths.Where(p => p.StartsWith("docs/", StringComparison.Ordinal)))
        {
            var prose = Prose(bundle[path]);
            Assert.DoesNotContain("(—)", prose);
            Assert.DoesNotContain("на английском", prose);
            var point = Regex.Match(prose, @"\d\.\d+\s?(ГБ|ГиБ|МиБ|ТБ|Мбит|мин|ч\b|с\b|%)");
            Assert.False(point.Success, $"{path}: decimal point in Russian prose: '{point.Value}'");
            // No English sentence outside code: a run of five or more English words.
            var english = Regex.Match(prose, @"\b[A-Za-z]{2,}(\s+[A-Za-z]{2,}){5,}\b");
            Assert.False(english.Success, $"{path}: English prose in a Russian guide: '{english.Value}'");
        }
    }
}
