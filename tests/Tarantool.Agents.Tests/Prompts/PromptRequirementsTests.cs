using System.Globalization;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Commands;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Replication;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Prompts;

/// <summary>
/// Each phase prompt states what its validator will demand: the values a rule checks, taken here from the same data
/// the rule uses (its vocabulary, the request, the earlier phases' outputs), must appear in the rendered prompt, so a
/// rule whose demanded value the prompt does not state fails this test.
/// </summary>
public sealed class PromptRequirementsTests
{
    private static readonly Dictionary<string, IntakeInput> Requests = new()
    {
        ["sharded-aws"] = new(new Dictionary<string, string> { ["cluster-name"] = "orders", ["cluster-type"] = "sharded", ["environment"] = "production", ["cloud-provider"] = "aws" },
            "Orders DB, 300 GB, 40k read RPS and 5k write RPS, 4 shards, automatic failover, keep backups for 14 days, RPO 30 seconds."),
        ["replicated-ru"] = new(new Dictionary<string, string> { ["cluster-name"] = "billing", ["cluster-type"] = "replicated", ["environment"] = "production" },
            "Биллинг: мастер и две реплики в Kubernetes, автоматическое переключение, 120 ГБ данных, 15 тыс. запросов в секунду, хранить бэкапы 35 дней."),
        ["cartridge-azure"] = new(new Dictionary<string, string> { ["cluster-name"] = "inventory", ["cluster-type"] = "cartridge", ["environment"] = "staging", ["cloud-provider"] = "azure", ["ha-strategy"] = "passive-failover", ["enable-sharding"] = "true", ["shard-count"] = "2" },
            "Inventory service on Tarantool Cartridge, about 60 GB of data and 5k RPS."),
        ["multi-region-gcp"] = new(new Dictionary<string, string> { ["cluster-name"] = "payments", ["cluster-type"] = "multi-region", ["environment"] = "production", ["cloud-provider"] = "gcp", ["ha-strategy"] = "distributed-ha" },
            "Payment gateway in three regions that must survive the loss of a region. 80 GB of data."),
        ["single-on-premises-2.11"] = new(new Dictionary<string, string> { ["cluster-name"] = "catalog", ["cluster-type"] = "single-instance", ["environment"] = "development", ["tarantool-version"] = "2.11" },
            "A small catalog for local development, 2 GB."),
    };

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var request in Requests.Keys)
            foreach (var phase in new[] { 1, 2, 3, 4, 5, 6, 7, 8, 10 }) data.Add(request, phase);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_phase_prompt_states_every_requirement_and_the_values_its_validator_demands(string name, int id)
    {
        var intake = RequestIntake.Resolve(Requests[name]);
        Assert.True(intake.IsValid, string.Join(" ", intake.Errors));
        var workflow = WorkflowLoader.Load(AssetLocator.Locate());
        var context = ContextOf(workflow, id, intake);

        var prompt = await PromptsCommand.RenderAsync(workflow, id, intake, CancellationToken.None);

        var requirements = workflow.OutputOf(workflow.Phase(id)).Requirements(context);
        Assert.NotEmpty(requirements);
        foreach (var line in requirements) Assert.Contains("- " + line + "\n", prompt);
        foreach (var value in Demanded(id, context))
            Assert.True(prompt.Contains(value, StringComparison.Ordinal), $"The phase {id} prompt does not state '{value}', which its validator demands.");
    }

    /// <summary>What the validators demand, from the data the rules themselves read.</summary>
    private static IEnumerable<string> Demanded(int id, PhaseContext context)
    {
        var request = context.Request;
        var capacity = context.Find<CapacityPlan>();
        var topology = context.Find<ClusterTopology>();
        var backup = context.Find<BackupPlan>();
        switch (id)
        {
            case 1:
                yield return CapacityPlanValidator.CeilingCode;
                yield return I(MemtxCeiling.MinimumBytes);
                yield return I(MemtxCeiling.MaximumBytes);
                if (!ClusterShape.ShardCountIsComputed(request)) yield return $"storageReplicasets is {I(ClusterShape.StorageReplicasets(request))}";
                if (request.Workload.DataSizeGb is { } data) yield return $"dataSizeGb = {data.ToString("0.##", CultureInfo.InvariantCulture)}";
                break;
            case 2:
                foreach (var mode in TopologyFailoverRules.ExpectedModes(request).Expected) yield return $"\"{mode}\"";
                foreach (var mode in TopologyVocabulary.ElectionModes.Concat(TopologyVocabulary.FencingModes)) yield return mode;
                yield return $"{I(capacity!.StorageReplicasets)} storage replicaset(s) of {I(capacity.InstancesPerReplicaset)} instance(s) each";
                yield return $"{I(capacity.TotalInstances)} instance(s) in all";
                break;
            case 3:
                yield return $"retentionDays is {I(request.BackupRetentionDays)}";
                foreach (var kind in StorageKinds.AllowedFor(request.CloudProvider)) yield return $"\"{kind}\"";
                foreach (var failure in RecoveryFailures.RequiredFor(topology!)) yield return failure;
                yield return $"snapshotIntervalSeconds is {I(capacity!.SnapshotIntervalSeconds)}";
                if (request.RpoSeconds is not null) yield return BackupPlanValidator.RpoTargetCode;
                break;
            case 4:
                yield return $"configFormat \"{ClusterConfigurationValidator.ExpectedFormat(request)}\"";
                yield return $"storageMemtxMemoryBytes {I(capacity!.MemtxMemoryBytes)}";
                yield return $"replication.failover is the topology's \"{topology!.FailoverMode}\"";
                foreach (var level in ClusterConfigurationValidator.LogLevels) yield return level;
                foreach (var method in ClusterConfigurationValidator.MetricsMethodsFor(ClusterConfigurationValidator.ExpectedFormat(request), TarantoolVersion.Parse(request.TarantoolVersion)))
                    yield return $"\"{method}\"";
                yield return $"snapshotWalSizeBytes {I(backup!.SnapshotWalSizeBytes)}";
                foreach (var user in topology.Users) yield return user.Name;
                break;
            case 5:
                foreach (var failure in ReplicationPlanValidator.RequiredFailures) yield return failure;
                foreach (var replicaset in topology!.Replicasets.Where(r => !r.Roles.Contains("stateboard")))
                    yield return $"{replicaset.Name} [{string.Join(", ", replicaset.Instances.Select(i => i.Name))}]";
                yield return $"rpoSeconds is the backup plan's {I(backup!.RpoSeconds)}";
                break;
            case 6:
                yield return $"platform is \"{PlatformNaming.PlatformOf(request)}\"";
                yield return $"configDelivery \"{ConfigDelivery.For(request)}\"";
                yield return InstanceLayout.ContainerDataRoot;
                yield return InstanceLayout.AppDirectory(request.ClusterName);
                foreach (var replicaset in topology!.Replicasets) yield return replicaset.Name;
                if (OrchestrationPlanValidator.ProvisionerFor(request.CloudProvider) is { } provisioner && PlatformNaming.IsKubernetes(request)) yield return provisioner;
                break;
            case 7:
                foreach (var alert in MonitoringExpectations.RequiredAlerts(request, topology!, capacity!)) yield return alert;
                foreach (var (replicaset, node, ordinal) in MonitoringExpectations.ScrapedInstances(topology!))
                    yield return MonitoringExpectations.Address(request, replicaset, node, ordinal);
                break;
            case 8:
                yield return $"rtoSeconds is {I(backup!.RtoSeconds)} and rpoSeconds {I(backup.RpoSeconds)}";
                foreach (var procedure in backup.Procedures) yield return procedure.Failure;
                break;
            case 10:
                yield return $"form is \"{DeploymentForms.For(request)}\"";
                yield return $"mechanism \"{DeploymentForms.BackupMechanism(DeploymentForms.For(request))}\"";
                yield return backup!.FullBackupCron.Trim();
                yield return DeploymentLayout.DefaultInstallDir;
                foreach (var replicaset in topology!.Replicasets) yield return replicaset.Name;
                break;
        }
    }

    /// <summary>The context the phase's validator gets: the request and the embedded expert's outputs of its inputs.</summary>
    private static PhaseContext ContextOf(WorkflowDefinition workflow, int id, IntakeResult intake)
    {
        var outputs = new Dictionary<int, object>();
        foreach (var phase in workflow.Closure(id).Where(p => p.Id != id))
            outputs[phase.Id] = ExpertRegistry.Find(phase.Output)!.Answer(new PhaseContext(intake.Request!, intake.Language, InputsOf(workflow, phase, outputs))).Output;
        return new PhaseContext(intake.Request!, intake.Language, InputsOf(workflow, workflow.Phase(id), outputs));
    }

    private static Dictionary<string, object> InputsOf(WorkflowDefinition workflow, global::Tarantool.Agents.Prompts.PhasePrompt phase, Dictionary<int, object> outputs) =>
        phase.DependsOn.ToDictionary(dep => workflow.Phase(dep).Output, dep => outputs[dep], StringComparer.Ordinal);

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}
