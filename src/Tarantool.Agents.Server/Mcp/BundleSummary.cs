using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// What <c>plan_cluster</c> tells the assistant about a written bundle, read back from the bundle itself
/// (<c>bundle.json</c> and the capacity plan's typed output), so a local run and a run of the service are summarised
/// alike: the cluster's shape and key figures in the request's language, the warnings, and the main files.
/// </summary>
internal sealed record BundleSummary(string Status, string Language, string Text, IReadOnlyList<BundleSummary.Warning> Warnings, IReadOnlyList<string> MainFiles)
{
    /// <summary>A warning of the run as <c>bundle.json</c> records it.</summary>
    internal sealed record Warning(string Source, string Code, string Message);

    /// <summary>The files an engineer opens first, when the bundle has them (in this order).</summary>
    private static readonly string[] KeyFiles =
    [
        "bundle.json", "tarantool/config.yaml", "tarantool/instances.yml", "tarantool/init.lua", "tarantool/failover.yml",
        "monitoring/alerts.yml", "monitoring/prometheus.yml", "kubernetes/kustomization.yaml", "deploy/ansible/deploy.yml",
    ];

    /// <summary>Reads the summary of the bundle in <paramref name="root"/>; null when it has no readable bundle.json.</summary>
    public static BundleSummary? Read(string root)
    {
        var manifestPath = Path.Combine(root, "bundle.json");
        if (!File.Exists(manifestPath)) return null;
        JsonNode? manifest;
        try
        {
            manifest = JsonNode.Parse(File.ReadAllText(manifestPath));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (manifest is not JsonObject) return null;
        var status = (string?)manifest["status"] ?? "unknown";
        var language = (string?)manifest["language"] ?? "en";
        var request = manifest["request"] as JsonObject ?? [];
        var warnings = (manifest["warnings"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(w => new Warning((string?)w["source"] ?? "", (string?)w["code"] ?? "", (string?)w["message"] ?? ""))
            .ToList();
        var phases = (manifest["phases"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var paths = (manifest["artifacts"] as JsonArray ?? []).OfType<JsonObject>().Select(a => (string?)a["path"]).OfType<string>().ToList();
        var capacity = ReadCapacity(root, paths);

        var main = KeyFiles.Where(k => k == "bundle.json" || paths.Contains(k)).ToList();
        main.AddRange(paths.Where(p => p.StartsWith("phases/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        main.AddRange(paths.Where(p => p.StartsWith("docs/", StringComparison.Ordinal) && p.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        var text = language == "ru"
            ? Russian(status, request, capacity, phases, warnings)
            : English(status, request, capacity, phases, warnings);
        return new BundleSummary(status, language, text, warnings, main);
    }

    private static JsonObject? ReadCapacity(string root, IReadOnlyList<string> paths)
    {
        var path = paths.FirstOrDefault(p => p.StartsWith("outputs/01-", StringComparison.Ordinal) && p.EndsWith(".json", StringComparison.Ordinal));
        if (path is null || !File.Exists(Path.Combine(root, path))) return null;
        try
        {
            return JsonNode.Parse(File.ReadAllText(Path.Combine(root, path))) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string English(string status, JsonObject request, JsonObject? capacity, List<JsonObject> phases, List<Warning> warnings)
    {
        var text = new StringBuilder();
        var succeeded = phases.Count(p => (string?)p["status"] == "succeeded");
        text.Append(CultureInfo.InvariantCulture,
            $"Tarantool {S(request, "tarantoolVersion")} {S(request, "clusterType")} cluster '{S(request, "clusterName")}' for {S(request, "environment")} " +
            $"({S(request, "edition", "community")} edition) on {S(request, "cloudProvider")}, deployed on {Form(request, en: true)}.");
        if (capacity is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" Shape: {Shape(capacity, en: true)}.");
            text.Append(CultureInfo.InvariantCulture,
                $" Data {N(capacity, "dataSizeGb")} GB today, {N(capacity, "projectedDataSizeGb")} GB in {N(capacity, "horizonMonths")} months; " +
                $"{N(capacity, "readRps")} reads and {N(capacity, "writeRps")} writes per second; {S(capacity, "engine")} engine, " +
                $"memtx.memory {GiB(capacity, "memtxMemoryBytes")} GiB per storage instance.");
        }

        text.Append(CultureInfo.InvariantCulture, $" Bundle {status}: {succeeded}/{phases.Count} phases succeeded, {warnings.Count} warning(s).");
        foreach (var phase in phases.Where(p => (string?)p["status"] != "succeeded"))
            text.Append(CultureInfo.InvariantCulture, $"\nPhase {(int?)phase["id"]} {(string?)phase["key"]}: {(string?)phase["status"]} — {(string?)phase["reason"]}");
        foreach (var warning in warnings) text.Append(CultureInfo.InvariantCulture, $"\nWarning ({warning.Source}): {warning.Message}");
        return text.ToString();
    }

    private static string Russian(string status, JsonObject request, JsonObject? capacity, List<JsonObject> phases, List<Warning> warnings)
    {
        var text = new StringBuilder();
        var succeeded = phases.Count(p => (string?)p["status"] == "succeeded");
        text.Append(CultureInfo.InvariantCulture,
            $"Кластер Tarantool {S(request, "tarantoolVersion")} «{S(request, "clusterName")}»: тип {S(request, "clusterType")}, окружение {S(request, "environment")}, " +
            $"редакция {S(request, "edition", "community")}, площадка {S(request, "cloudProvider")}, развёртывание: {Form(request, en: false)}.");
        if (capacity is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" Состав: {Shape(capacity, en: false)}.");
            text.Append(CultureInfo.InvariantCulture,
                $" Данные: {Ru(N(capacity, "dataSizeGb"))} ГБ сейчас, {Ru(N(capacity, "projectedDataSizeGb"))} ГБ через {N(capacity, "horizonMonths")} мес.; " +
                $"чтение {Ru(N(capacity, "readRps"))} и запись {Ru(N(capacity, "writeRps"))} запросов в секунду; движок {S(capacity, "engine")}, " +
                $"memtx.memory {Ru(GiB(capacity, "memtxMemoryBytes"))} ГиБ на экземпляр хранения.");
        }

        var state = status == "succeeded" ? "готов" : "не завершён";
        text.Append(CultureInfo.InvariantCulture, $" Комплект {state}: успешно {succeeded} из {phases.Count} фаз, предупреждений: {warnings.Count}.");
        foreach (var phase in phases.Where(p => (string?)p["status"] != "succeeded"))
            text.Append(CultureInfo.InvariantCulture, $"\nФаза {(int?)phase["id"]} {(string?)phase["key"]}: {(string?)phase["status"]} — {(string?)phase["reason"]}");
        foreach (var warning in warnings) text.Append(CultureInfo.InvariantCulture, $"\nПредупреждение ({warning.Source}): {warning.Message}");
        return text.ToString();
    }

    private static string Shape(JsonObject capacity, bool en)
    {
        var shards = (int?)capacity["storageReplicasets"] ?? 1;
        var perShard = (int?)capacity["instancesPerReplicaset"] ?? 1;
        var routers = (int?)capacity["routers"] ?? 0;
        var total = (int?)capacity["totalInstances"] ?? shards * perShard;
        var hosts = (int?)capacity["hosts"] ?? 0;
        if (en)
        {
            var storage = shards > 1 ? $"{shards} shards × {perShard} instances" : $"one replicaset of {perShard} instance(s)";
            return $"{storage}, {routers} router(s), {total} instances on {hosts} hosts";
        }

        var storageRu = shards > 1
            ? $"{shards} {Plural(shards, "шард", "шарда", "шардов")} × {perShard} {Plural(perShard, "экземпляр", "экземпляра", "экземпляров")}"
            : $"один набор реплик из {perShard} {Plural(perShard, "экземпляра", "экземпляров", "экземпляров")}";
        return $"{storageRu}, роутеров: {routers}, всего экземпляров: {total}, хостов: {hosts}";
    }

    private static string Form(JsonObject request, bool en)
    {
        var form = S(request, "deployment", "");
        var kubernetes = form == "kubernetes" || (form.Length == 0 && S(request, "cloudProvider") != "on-premises");
        return kubernetes ? "Kubernetes" : en ? "virtual machines" : "виртуальные машины";
    }

    /// <summary>Russian number style: a space between thousands, a decimal comma (the build runs culture-invariant).</summary>
    private static string Ru(string invariant) => invariant.Replace(',', '\u00A0').Replace('.', ',');

    private static string Plural(int n, string one, string few, string many) =>
        (n % 10, n % 100) switch
        {
            (1, not 11) => one,
            (>= 2 and <= 4, < 12 or > 14) => few,
            _ => many,
        };

    private static string S(JsonObject node, string name, string fallback = "?") =>
        node[name] is JsonValue value ? value.ToString() : fallback;

    private static string N(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number.ToString("#,0.##", CultureInfo.InvariantCulture) : "?";

    private static string GiB(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<long>(out var bytes) ? (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) : "?";
}
