using System.Text;
using System.Text.Json;
using Tarantool.Agents.Conversation;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Chat;

/// <summary>
/// The reply after a run: the cluster's shape and key figures (from the capacity plan the run wrote), warnings,
/// the run id and links to the bundle and its main files, in the user's language. The bundle link is also what a
/// follow-up reads back to find the run it builds on.
/// </summary>
internal static class PlannerSummary
{
    /// <summary>The files worth opening first, in this order, when the bundle has them.</summary>
    private static readonly string[] MainFiles =
    [
        "tarantool/config.yaml", "tarantool/instances.yml", "tarantool/failover.yml", "docs/setup.md", "docs/operations.md",
        "phases/01-capacity-planning.md", "phases/02-topology.md", "monitoring/alerts.yml", "kubernetes/kustomization.yaml",
        "deploy/ansible/deploy.yml", "bundle.json",
    ];

    public static string Write(ConversationOutcome outcome, RunInfo run, string? bundlePath, string baseUrl)
    {
        var ru = outcome.Language == Language.Ru;
        string T(string en, string rus) => ru ? rus : en;
        var text = new StringBuilder();
        var request = outcome.Intake?.Request;
        if (request is not null)
        {
            text.Append($"**{request.ClusterName}** — ").Append(T("a ", "кластер ")).Append(Spell(request.ClusterType))
                .Append(T(" cluster", "")).Append($", {Spell(request.Environment)}, {Spell(request.CloudProvider)} ({Spell(request.Deployment)}), ")
                .Append($"Tarantool {request.TarantoolVersion} {Spell(request.Edition)}, ")
                .Append(T("failover ", "переключение ")).Append(Spell(request.HaStrategy)).Append(", ").Append(Spell(request.ReplicationMode)).Append(".\n\n");
        }

        if (ConversationReplies.Changes(outcome) is { } changes) text.Append(changes).Append("\n\n");

        var plan = bundlePath is null ? null : ReadPlan(bundlePath);
        if (plan is not null)
        {
            text.Append(T("**Shape:** ", "**Форма кластера:** "))
                .Append(T($"{plan.StorageReplicasets} storage replicaset(s){(request?.EnableSharding == true ? " (shards)" : "")} × {plan.InstancesPerReplicaset} instances, {plan.Routers} router(s); {plan.TotalInstances} instances on {plan.Hosts} host(s).",
                    $"наборов реплик хранения{(request?.EnableSharding == true ? " (шардов)" : "")} — {plan.StorageReplicasets}, инстансов в наборе — {plan.InstancesPerReplicaset}, роутеров — {plan.Routers}; всего инстансов — {plan.TotalInstances}, хостов — {plan.Hosts}."))
                .Append("\n\n");
            text.Append(T("**Key figures:** ", "**Ключевые цифры:** "))
                .Append(T($"data {Figures.Gb(plan.DataSizeGb)} (projected {Figures.Gb(plan.ProjectedDataSizeGb)} in {plan.HorizonMonths} months), engine {Spell(plan.Engine)}, " +
                          $"{Figures.Integer(plan.ReadRps)} reads/s and {Figures.Integer(plan.WriteRps)} writes/s at peak; per storage instance: memtx {Figures.Bytes(plan.MemtxMemoryBytes)}, " +
                          $"RAM {Figures.Bytes(plan.RamPerStorageInstanceBytes)}, {plan.CpuPerStorageInstance} CPU, disk {Figures.Gb(plan.DiskPerStorageInstanceGb)}; WAL mode {plan.WalMode}.",
                    $"данные {Figures.Gb(plan.DataSizeGb)} (через {plan.HorizonMonths} мес. — {Figures.Gb(plan.ProjectedDataSizeGb)}), движок {Spell(plan.Engine)}, " +
                    $"в пике чтений {Figures.Integer(plan.ReadRps)}/с и записей {Figures.Integer(plan.WriteRps)}/с; на инстанс хранения: memtx {Figures.Bytes(plan.MemtxMemoryBytes)}, " +
                    $"RAM {Figures.Bytes(plan.RamPerStorageInstanceBytes)}, CPU {plan.CpuPerStorageInstance}, диск {Figures.Gb(plan.DiskPerStorageInstanceGb)}; режим WAL {plan.WalMode}."))
                .Append("\n\n");
        }

        if (run.Warnings.Count == 0)
        {
            text.Append(T("**Warnings:** none.", "**Предупреждения:** нет.")).Append("\n\n");
        }
        else
        {
            text.Append(T("**Warnings:**", "**Предупреждения:**")).Append('\n');
            foreach (var warning in run.Warnings) text.Append($"- {warning.Source}: {warning.Message}\n");
            text.Append('\n');
        }

        foreach (var note in ConversationReplies.Notes(outcome)) text.Append(note).Append("\n\n");

        var succeeded = run.Phases.Count(p => p.Status == RunStatus.Succeeded);
        var reused = run.Phases.Count(p => p.Reused);
        text.Append(T("**Run:** ", "**Запуск:** ")).Append($"`{run.Id}` — {run.Status}, ")
            .Append(T($"{succeeded}/{run.Phases.Count} phases succeeded", $"фаз выполнено: {succeeded} из {run.Phases.Count}"));
        if (reused > 0 && run.ReusedFrom is not null)
            text.Append(T($", {reused} reused from `{run.ReusedFrom}`", $", из них {reused} взяты из `{run.ReusedFrom}`"));
        text.Append('.');
        if (run.Error is not null) text.Append(' ').Append(T("Error: ", "Ошибка: ")).Append(run.Error);
        text.Append("\n\n");

        var root = baseUrl.TrimEnd('/');
        text.Append(T("**Bundle:** ", "**Комплект:** ")).Append(root).Append(PreviousRun.BundlePath(run.Id)).Append("\n\n");
        var files = bundlePath is null ? [] : MainFiles.Where(f => File.Exists(Path.Combine(bundlePath, f))).ToList();
        if (files.Count > 0)
        {
            text.Append(T("**Main files:**", "**Основные файлы:**")).Append('\n');
            foreach (var file in files) text.Append($"- [{file}]({root}/v1/runs/{run.Id}/files/{file})\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The capacity plan the run wrote (the typed output of phase 1), or null when it has none.</summary>
    private static CapacityPlan? ReadPlan(string bundlePath)
    {
        var path = Path.Combine(bundlePath, "outputs", "01-capacity-planning.json");
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CapacityPlan>(File.ReadAllText(path), JsonDefaults.Indented);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Spell<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
