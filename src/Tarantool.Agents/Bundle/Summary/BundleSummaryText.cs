using System.Text;
using System.Text.Json;
using Tarantool.Agents.Expert.Documentation;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Bundle.Summary;

/// <summary>
/// Words a <see cref="BundleSummary"/> in its language (English or Russian), as plain text or Markdown. Each part is
/// its own method so a caller can put its own lines between them (chat puts the changes of a follow-up after the
/// headline); <see cref="Write"/> gives them all in the usual order.
/// </summary>
internal static class BundleSummaryText
{
    /// <summary>Headline, shape, key figures, outcome (with the phases that did not succeed) and warnings, a paragraph each.</summary>
    public static string Write(BundleSummary summary, BundleSummaryFormat format)
    {
        var parts = new[] { Headline(summary, format), Shape(summary, format), KeyFigures(summary, format), Outcome(summary, format), Warnings(summary, format) };
        var separator = format == BundleSummaryFormat.Markdown ? "\n\n" : "\n";
        return string.Join(separator, parts.Where(p => p is not null));
    }

    /// <summary>Which cluster: name, type, environment, where it runs, version and edition, failover and replication.</summary>
    public static string Headline(BundleSummary summary, BundleSummaryFormat format)
    {
        var request = summary.Request;
        var ru = summary.Language == Language.Ru;
        var name = format == BundleSummaryFormat.Markdown ? $"**{request.ClusterName}**" : ru ? $"«{request.ClusterName}»" : $"'{request.ClusterName}'";
        var where = $"{Spell(request.Environment)}, {Spell(request.CloudProvider)} ({Spell(request.Deployment)}), Tarantool {request.TarantoolVersion} {Spell(request.Edition)}";
        return ru
            ? $"Кластер {name}: {Spell(request.ClusterType)}, {where}, переключение {Spell(request.HaStrategy)}, репликация {Spell(request.ReplicationMode)}."
            : $"{name} — a {Spell(request.ClusterType)} cluster, {where}, failover {Spell(request.HaStrategy)}, {Spell(request.ReplicationMode)} replication.";
    }

    /// <summary>How many storage replicasets (shards) of how many instances, routers, instances and hosts; null without a plan.</summary>
    public static string? Shape(BundleSummary summary, BundleSummaryFormat format)
    {
        if (summary.Plan is not { } plan) return null;
        var ru = summary.Language == Language.Ru;
        var sharded = summary.Request.EnableSharding || plan.StorageReplicasets > 1;
        var perSet = plan.InstancesPerReplicaset;
        string text;
        if (ru)
        {
            var storage = sharded
                ? $"{plan.StorageReplicasets} {Ru(plan.StorageReplicasets, "шард", "шарда", "шардов")} × {perSet} {Ru(perSet, "экземпляр", "экземпляра", "экземпляров")}"
                : $"один набор реплик из {perSet} {Ru(perSet, "экземпляра", "экземпляров", "экземпляров")}";
            var routers = plan.Routers == 0 ? "без роутеров" : $"{plan.Routers} {Ru(plan.Routers, "роутер", "роутера", "роутеров")}";
            text = $"{storage}, {routers}; всего {plan.TotalInstances} {Ru(plan.TotalInstances, "экземпляр", "экземпляра", "экземпляров")} на {plan.Hosts} {Ru(plan.Hosts, "хосте", "хостах", "хостах")}.";
            return Label(format, "Состав кластера:") + text;
        }

        var storageEn = sharded
            ? $"{plan.StorageReplicasets} {En(plan.StorageReplicasets, "shard", "shards")} × {perSet} {En(perSet, "instance", "instances")}"
            : $"one replicaset of {perSet} {En(perSet, "instance", "instances")}";
        var routersEn = plan.Routers == 0 ? "no routers" : $"{plan.Routers} {En(plan.Routers, "router", "routers")}";
        text = $"{storageEn}, {routersEn}; {plan.TotalInstances} {En(plan.TotalInstances, "instance", "instances")} on {plan.Hosts} {En(plan.Hosts, "host", "hosts")}.";
        return Label(format, "Shape:") + text;
    }

    /// <summary>Data today and projected, engine, peak load, and what each storage instance needs; null without a plan.</summary>
    public static string? KeyFigures(BundleSummary summary, BundleSummaryFormat format)
    {
        if (summary.Plan is not { } plan) return null;
        var language = summary.Language;
        string Gb(double gb) => GuideFigures.Gb(gb, language);
        string Bytes(long bytes) => GuideFigures.Bytes(bytes, language);
        return language == Language.Ru
            ? Label(format, "Ключевые цифры:") +
              $"данные {Gb(plan.DataSizeGb)} (через {plan.HorizonMonths} мес. — {Gb(plan.ProjectedDataSizeGb)}), движок {Spell(plan.Engine)}, " +
              $"в пике {Figures.Integer(plan.ReadRps)} чтений/с и {Figures.Integer(plan.WriteRps)} записей/с; на экземпляр хранения: memtx {Bytes(plan.MemtxMemoryBytes)}, " +
              $"ОЗУ {Bytes(plan.RamPerStorageInstanceBytes)}, CPU {plan.CpuPerStorageInstance}, диск {Gb(plan.DiskPerStorageInstanceGb)}; режим WAL {plan.WalMode}."
            : Label(format, "Key figures:") +
              $"data {Gb(plan.DataSizeGb)} (projected {Gb(plan.ProjectedDataSizeGb)} in {plan.HorizonMonths} months), {Spell(plan.Engine)} engine, " +
              $"{Figures.Integer(plan.ReadRps)} reads/s and {Figures.Integer(plan.WriteRps)} writes/s at peak; per storage instance: memtx {Bytes(plan.MemtxMemoryBytes)}, " +
              $"RAM {Bytes(plan.RamPerStorageInstanceBytes)}, {plan.CpuPerStorageInstance} CPU, disk {Gb(plan.DiskPerStorageInstanceGb)}; WAL mode {plan.WalMode}.";
    }

    /// <summary>Whether the bundle is complete, how many phases succeeded, and each phase that did not, with why.</summary>
    public static string Outcome(BundleSummary summary, BundleSummaryFormat format)
    {
        var ru = summary.Language == Language.Ru;
        var text = new StringBuilder();
        var count = summary.Warnings.Count;
        text.Append(ru
            ? Label(format, summary.Status == "succeeded" ? "Комплект готов:" : "Комплект не завершён:") +
              $"успешно {summary.SucceededPhases} из {summary.Phases.Count} {Ru(summary.Phases.Count, "фазы", "фаз", "фаз")}, предупреждений: {count}."
            : Label(format, $"Bundle {summary.Status}:") +
              $"{summary.SucceededPhases}/{summary.Phases.Count} phases succeeded, {count} {En(count, "warning", "warnings")}.");
        foreach (var phase in summary.Phases.Where(p => p.Status != "succeeded"))
        {
            var reason = phase.Reason is null ? "" : " — " + phase.Reason;
            var status = ru ? RuStatus(phase.Status) : phase.Status;
            text.Append(format == BundleSummaryFormat.Markdown ? "\n- " : "\n")
                .Append(ru ? $"Фаза {phase.Id} {phase.Key}: {status}{reason}" : $"Phase {phase.Id} {phase.Key}: {status}{reason}");
        }

        return text.ToString();
    }

    /// <summary>Every warning with its source (plain text: a line each; Markdown: a list), or that there is none.</summary>
    public static string Warnings(BundleSummary summary, BundleSummaryFormat format)
    {
        var ru = summary.Language == Language.Ru;
        if (summary.Warnings.Count == 0) return Label(format, ru ? "Предупреждения:" : "Warnings:") + (ru ? "нет." : "none.");
        if (format == BundleSummaryFormat.Markdown)
            return (ru ? "**Предупреждения:**" : "**Warnings:**") + string.Concat(summary.Warnings.Select(w => $"\n- {w.Source}: {w.Message}"));
        return string.Join("\n", summary.Warnings.Select(w => (ru ? "Предупреждение" : "Warning") + $" ({w.Source}): {w.Message}"));
    }

    private static string Label(BundleSummaryFormat format, string label) =>
        format == BundleSummaryFormat.Markdown ? $"**{label}** " : label + " ";

    private static string RuStatus(string status) => status switch
    {
        "failed" => "ошибка",
        "skipped" => "пропущена",
        "pending" => "не начата",
        "running" => "выполняется",
        _ => status,
    };

    private static string En(int n, string one, string many) => n == 1 ? one : many;

    private static string Ru(int n, string one, string few, string many) => GuideFigures.RuPlural(n, one, few, many);

    private static string Spell<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
