using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>The whole-replicaset restore drill runs the runbook's procedure in a scratch environment.</summary>
public sealed partial class OperationsFollowedBundleTests
{
    /// <summary>
    /// Walked through with DRY_RUN=1: on Kubernetes a scratch namespace with restricted Pod Security, the credentials
    /// and backup account copied, the StatefulSet scaled back to all members after the restore; on hosts the backup
    /// restored under the seed's own name into the scratch host's own directory and the seed started alone before the
    /// empty members. The verdict line carries the request's RTO target.
    /// </summary>
    [ToolTheory("bash")]
    [InlineData("vm")]
    [InlineData("kubernetes")]
    public async Task The_replicaset_restore_drill_runs_the_runbook_in_a_scratch_environment_against_the_requests_targets(string form)
    {
        var bundle = await PlannedBundle.PlanAsync(
            "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "3",
            "--cloud-provider", "aws", "--deployment", form, "--rto", "3000", "--rpo", "60",
            "Orders database, 300 GB, 40k read RPS and 5k write RPS, automatic failover");
        var script = bundle["dr/drill-replicaset-restore.sh"];
        Assert.Contains("RTO_THRESHOLD=\"${RTO_THRESHOLD:-3000}\"", script, StringComparison.Ordinal);
        var seed = Regex.Match(script, "SEED=\"\\$\\{SEED:-([^}]+)\\}\"").Groups[1].Value;
        Assert.NotEmpty(seed);

        using var temp = new TempDirectory();
        var root = bundle.WriteTo(temp.Combine("bundle"));
        var (code, output) = ExternalTool.Run("bash", [Path.Combine(root, "dr/drill-replicaset-restore.sh")], root, new Dictionary<string, string> { ["DRY_RUN"] = "1" });
        Assert.True(code == 0, output);
        Assert.Contains("RESULT replicaset-restore DRY-RUN (nothing was measured; thresholds RTO<=3000s RPO<=60s)", output, StringComparison.Ordinal);
        var log = output.Split('\n').Where(l => l.Contains("DRY-RUN:", StringComparison.Ordinal)).ToList();
        int At(string text) => log.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        if (form == "kubernetes")
        {
            var created = At("kubectl create namespace orders-dr");
            Assert.True(created >= 0 && At("pod-security.kubernetes.io/enforce=restricted") > created, output);
            Assert.True(At("copy secret/orders-credentials into orders-dr") > created && At("copy serviceaccount/orders-backup into orders-dr") > created, output);
            Assert.True(At("kubectl scale statefulset -n orders-dr storage-001 --replicas=3") > created, output);
            Assert.Contains("\"--include-partial\"", script, StringComparison.Ordinal);
            Assert.Contains(".spec.replicas = 0", script, StringComparison.Ordinal);
            Assert.True(At("kubectl delete namespace orders-dr") > At("--replicas=3"), output);
        }
        else
        {
            var restore = At($"restore.sh {seed} --data-dir /srv/tarantool-dr/orders/{seed} --include-partial");
            var seedStart = At($"--unit dr-{seed} ");
            var others = log.Select((l, i) => (l, i)).Where(x => x.l.Contains("systemd-run --unit dr-", StringComparison.Ordinal) && !x.l.Contains($"dr-{seed} ", StringComparison.Ordinal)).Select(x => x.i).ToList();
            Assert.True(restore >= 0 && seedStart > restore, output);
            Assert.Equal(2, others.Count);
            Assert.All(others, i => Assert.True(i > seedStart, output));
            var (noHost, refused) = ExternalTool.Run("bash", [Path.Combine(root, "dr/drill-replicaset-restore.sh")], root, new Dictionary<string, string> { ["DRY_RUN"] = "0", ["SSH_BIN"] = "false", ["TT_BIN"] = "false" });
            Assert.NotEqual(0, noHost);
            Assert.Contains("SCRATCH_HOST", refused, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The drill's config for the scratch environment, made by its own Lua from the bundle's config: only the
    /// replicaset under test, the runbook's temporary leader fix (quorum 1) or production's quorum, and on hosts
    /// the scratch ports and directories. Tarantool 3.7.1's own config code accepts both.
    /// </summary>
    [TarantoolConfigCheckTheory]
    [InlineData("vm")]
    [InlineData("kubernetes")]
    public async Task The_drills_scratch_config_keeps_the_replicaset_with_the_runbooks_leader_fix_and_tarantool_accepts_it(string form)
    {
        var bundle = await Plan(form, "en");
        var script = bundle["dr/drill-replicaset-restore.sh"];
        var lua = Regex.Match(script, "\"\\$TARANTOOL_BIN\" -e \"(?<lua>.*?)\"\\n\\}", RegexOptions.Singleline).Groups["lua"].Value;
        Assert.NotEmpty(lua);
        using var temp = new TempDirectory();
        var source = temp.Combine("config.yaml");
        // The drill reads the live ConfigMap on Kubernetes, the bundle's config.yaml on hosts.
        File.WriteAllText(source, form == "kubernetes"
            ? ((YamlDotNet.RepresentationModel.YamlScalarNode)((YamlDotNet.RepresentationModel.YamlMappingNode)Yaml(bundle["kubernetes/configmap.yaml"])["data"])["config.yaml"]).Value!
            : bundle["tarantool/config.yaml"]);
        foreach (var lone in new[] { "1", "0" })
        {
            var env = new Dictionary<string, string>
            {
                ["DR_SOURCE"] = source, ["DR_LONE"] = lone, ["DR_RS"] = "storage-001", ["DR_SEED"] = "storage-001-3", ["DR_HOST"] = "scratch-1",
                ["DR_PORT"] = "13301", ["DR_METRICS_PORT"] = "18081", ["DR_ROOT"] = "/srv/tarantool-dr/orders", ["DR_PLATFORM"] = form,
            };
            var (code, config) = ExternalTool.Run("tarantool", ["-e", lua], temp.Path, env);
            Assert.True(code == 0, config);
            Assert.Contains("storage-001-3", config, StringComparison.Ordinal);
            Assert.DoesNotContain("storage-002", config, StringComparison.Ordinal);
            Assert.DoesNotContain("router-001", config, StringComparison.Ordinal);
            // Tarantool's yaml.encode writes nested tables in flow style with quoted keys.
            var election = Regex.IsMatch(File.ReadAllText(source), @"failover:\s*'?election");
            if (lone == "1")
                Assert.Matches(election ? @"'?synchro_quorum'?: 1\b" : @"'?leader'?: '?storage-001-3\b", config);
            else
                Assert.DoesNotMatch(@"'?synchro_quorum'?: 1\b", config);
            if (form == "vm")
            {
                Assert.Contains("scratch-1:13301", config, StringComparison.Ordinal);
                Assert.Contains("scratch-1:13303", config, StringComparison.Ordinal);
                Assert.DoesNotContain("orders-node-", config, StringComparison.Ordinal);
                Assert.Contains("/srv/tarantool-dr/orders/{{ instance_name }}", config, StringComparison.Ordinal);
            }
            var (problems, _) = TarantoolConfigCheck.Check([($"{form} lone={lone}", config)], Edition.Community);
            Assert.True(problems.Count == 0, string.Join('\n', problems) + "\n" + config);
        }
    }
}
