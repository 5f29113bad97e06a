using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.DrTesting.Scripts;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Tarantool.Agents.Phases.DrTesting;

/// <summary>
/// Writes the drills under <c>dr/</c>: the shared <c>lib.sh</c>, one script per scenario (an automated drill for
/// known ids, a printed checklist otherwise) and the machine-readable <c>scenarios.yaml</c>.
/// </summary>
public sealed class DrScriptsRenderer : IArtifactRenderer<DrTestPlan>
{
    public IEnumerable<BundleFile> Render(DrTestPlan plan, PhaseContext context)
    {
        var topology = context.Find<ClusterTopology>();
        var common = Common(plan, context, topology);
        yield return Script("dr/lib.sh", DrLibScript.Template, common);
        foreach (var scenario in plan.Scenarios)
        {
            var values = new Dictionary<string, string>(common);
            foreach (var (key, value) in ScenarioValues(scenario, context, topology)) values[key] = value;
            yield return Script(scenario.Script, TemplateFor(scenario.Id, context.Request), values);
        }
        yield return new BundleFile("dr/scenarios.yaml", "dr-scenarios", Yaml(plan, context));
    }

    /// <summary>The whole-replicaset restore runs the runbook in a scratch environment where the config can be
    /// rewritten for it (3.x config.yaml); 2.x box.cfg and Cartridge layouts keep the scratch-directory restore.</summary>
    private static string TemplateFor(string id, ClusterRequest request) => id switch
    {
        DrScenarioIds.ReplicasetRestore when ConfigDelivery.For(request) == ConfigDelivery.ConfigYaml => DrReplicasetRestoreScript.Template,
        DrScenarioIds.InstanceFailure => DrInstanceFailureScript.Template,
        DrScenarioIds.LeaderFailover => DrLeaderFailoverScript.Template,
        DrScenarioIds.ManualSwitchover => DrManualSwitchoverScript.Template,
        DrScenarioIds.NetworkPartition => DrNetworkPartitionScript.Template,
        DrScenarioIds.SiteLoss => DrSiteLossScript.Template,
        DrScenarioIds.RouterFailure => DrRouterFailureScript.Template,
        DrScenarioIds.PointInTimeRestore or DrScenarioIds.BackupRestore or DrScenarioIds.ReplicasetRestore => DrRestoreScript.Template,
        _ => DrManualScript.Template,
    };

    private static Dictionary<string, string> Common(DrTestPlan plan, PhaseContext context, ClusterTopology? topology)
    {
        var cluster = context.Request.ClusterName;
        var kubernetes = InstanceLayout.InContainers(context.Request);
        var instances = topology?.Replicasets.SelectMany(r => r.Instances.Select(i => $"  \"{i.Name} {r.Name} {i.Host} {Figures.Integer(i.Port)} {i.Region}\"")).ToList() ?? [];
        return new Dictionary<string, string>
        {
            ["CLUSTER"] = ShellSafe(context.Request.ClusterName),
            ["PLATFORM"] = kubernetes ? "kubernetes" : "vm",
            ["NAMESPACE"] = ShellSafe(PlatformNaming.Namespace(cluster)),
            ["TT_CFG"] = ShellSafe(InstanceLayout.TtConfig(cluster)),
            ["UNIT_FORMAT"] = ShellSafe(InstanceLayout.Unit(cluster, "%s")),
            ["BACKUP_DIR"] = kubernetes ? "${SCRIPT_DIR}/../backup" : InstanceLayout.BackupToolsDir,
            ["BACKUP_TOOLS"] = InstanceLayout.BackupToolsDir,
            ["MARKER_SPACE"] = ShellSafe(plan.MarkerSpace),
            ["MARKER_INTERVAL_MS"] = Figures.Integer(plan.MarkerIntervalMilliseconds),
            ["CONFIG_STYLE"] = ConfigDelivery.For(context.Request),
            ["SYNC_MARKERS"] = topology?.FailoverMode is "election" or "supervised" ? "true" : "false",
            ["INSTANCES"] = instances.Count == 0 ? "  # no topology was available: add \"name replicaset host port region\" entries" : string.Join("\n", instances),
        };
    }

    private static Dictionary<string, string> ScenarioValues(DrScenario scenario, PhaseContext context, ClusterTopology? topology)
    {
        var replicaset = ReplicasetOf(scenario.Target, topology);
        var backup = context.Find<BackupPlan>();
        var election = topology?.Election;
        var routers = topology is null ? [] : TopologyFacts.Routers(topology).SelectMany(r => r.Instances).Select(i => i.Name).ToList();
        var archiveWait = backup is { ContinuousWalArchival: true } ? backup.WalArchiveIntervalSeconds + 15 : 0;
        var memtx = context.Find<CapacityPlan>()?.MemtxMemoryBytes is > 0 and var m ? m : BackupScriptsRenderer.DefaultScratchMemtxMemoryBytes;
        return new Dictionary<string, string>
        {
            ["TITLE"] = ShellSafe(scenario.Title),
            ["SCENARIO_ID"] = ShellSafe(scenario.Id),
            ["RTO_THRESHOLD"] = Figures.Integer(scenario.RtoThresholdSeconds),
            ["RPO_THRESHOLD"] = Figures.Integer(scenario.RpoThresholdSeconds),
            ["REPLICASET"] = ShellSafe(replicaset?.Name ?? scenario.Target),
            ["TARGET"] = ShellSafe(scenario.Target),
            ["REGION"] = ShellSafe(scenario.Target),
            ["SITE_EXPECT"] = topology is not null && TopologyFacts.SurvivesLossOf(topology, scenario.Target) ? "elect" : "fenced",
            ["FAILOVER_MODE"] = ShellSafe(topology?.FailoverMode ?? "manual"),
            ["FENCING"] = election is null ? "it has no quorum to lose, so check it by hand" : $"election_fencing_mode {ShellSafe(election.FencingMode)}",
            ["FENCING_WAIT"] = Figures.Integer((int)Math.Ceiling(2 * (election?.TimeoutSeconds is > 0 and var t ? t : 5)) + 5),
            ["OTHER_ROUTER"] = ShellSafe(routers.FirstOrDefault(r => r != scenario.Target) ?? scenario.Target),
            ["SOURCE"] = ShellSafe(replicaset is null ? scenario.Target : TopologyFacts.BackupSourceOf(replicaset).Name),
            ["RESTORE_MODE"] = scenario.Id == DrScenarioIds.PointInTimeRestore ? "pitr" : "latest",
            ["ARCHIVE_WAIT"] = Figures.Integer(scenario.Id == DrScenarioIds.BackupRestore ? 0 : archiveWait),
            ["MEMTX_MEMORY"] = Figures.Integer(memtx),
            ["MEMBERS"] = string.Join(" ", (replicaset?.Instances.Select(i => i.Name) ?? [scenario.Target]).Select(ShellSafe)),
            ["QUORUM"] = Figures.Integer((replicaset?.Instances.Count ?? 1) / 2 + 1),
            ["ELECTION"] = topology?.FailoverMode == "election" ? "1" : "0",
            ["START_TIMEOUT"] = Figures.Integer(scenario.RtoThresholdSeconds + (context.Find<CapacityPlan>() is { } capacity ? RecoveryBudget.BudgetSeconds(capacity) : RecoveryBudget.MinimumSeconds)),
            ["CONFIG_MAP"] = ShellSafe($"{PlatformNaming.Namespace(context.Request.ClusterName)}-config"),
            ["CREDENTIALS_SECRET"] = ShellSafe($"{PlatformNaming.Namespace(context.Request.ClusterName)}-credentials"),
            ["BACKUP_ACCOUNT"] = ShellSafe(Deployment.BackupIdentity.ServiceAccount(PlatformNaming.Namespace(context.Request.ClusterName))),
            ["BACKUP_CRONJOB"] = ShellSafe(Deployment.Scheduling.BackupCronJobWriter.CronJobName(PlatformNaming.Namespace(context.Request.ClusterName), "backup", replicaset is null ? scenario.Target : TopologyFacts.BackupSourceOf(replicaset).Name)),
            ["CONSOLE_ROOT"] = InstanceLayout.ContainerDataRoot,
            ["SECRETS_FILE"] = ShellSafe(InstanceLayout.SecretsFile(context.Request.ClusterName)),
            ["SCRATCH_PORT"] = "13301",
            ["SCRATCH_METRICS_PORT"] = "18081",
            ["STEPS"] = string.Join("\n", scenario.Steps.Select((s, i) => $"{i + 1}. {s}")).Replace("STEPS", "steps", StringComparison.Ordinal),
        };
    }

    /// <summary>The replicaset a target names: itself, the one holding an instance, or the first data replicaset
    /// with a member in a region.</summary>
    internal static Replicaset? ReplicasetOf(string target, ClusterTopology? topology)
    {
        if (topology is null) return null;
        return topology.Replicasets.FirstOrDefault(r => r.Name == target)
            ?? topology.Replicasets.FirstOrDefault(r => r.Instances.Any(i => i.Name == target))
            ?? TopologyFacts.DataReplicasets(topology).FirstOrDefault(r => r.Instances.Any(i => i.Region == target))
            ?? TopologyFacts.DataReplicasets(topology).FirstOrDefault();
    }

    private static BundleFile Script(string path, string template, IReadOnlyDictionary<string, string> values)
    {
        var text = template;
        foreach (var (key, value) in values) text = text.Replace("{{" + key + "}}", value, StringComparison.Ordinal);
        return new BundleFile(path, "shell-script", text.ReplaceLineEndings("\n").TrimEnd('\n') + "\n") { Executable = true };
    }

    private static string Yaml(DrTestPlan plan, PhaseContext context)
    {
        var serializer = new SerializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .DisableAliases()
            .Build();
        var body = serializer.Serialize(new { cluster = context.Request.ClusterName, plan }).ReplaceLineEndings("\n");
        return $"# DR drill scenarios of cluster {context.Request.ClusterName}: what each drill does and its PASS thresholds.\n# Generated by Tarantool Agents from the DR test plan; the scripts in dr/ implement them.\n{body.TrimEnd('\n')}\n";
    }

    /// <summary>Values land inside double-quoted bash strings and comments: keep them free of shell syntax.</summary>
    private static string ShellSafe(string value) =>
        new([.. value.Where(c => c is not ('"' or '\'' or '$' or '`' or '\\' or '\n' or '\r'))]);
}
