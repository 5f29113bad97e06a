using System.Text.Json;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>What a coding assistant does with the server, the same over stdio and HTTP.</summary>
internal static class McpScenarios
{
    public const string RussianDescription =
        "Нужен шардированный кластер Tarantool для сервиса заказов (кластер orders), продакшн, в Kubernetes. " +
        "4 шарда, автоматическое переключение мастера, хранить бэкапы 14 дней. Данные: около 300 ГБ, " +
        "40 тыс. запросов в секунду на чтение и 8 тыс. на запись, рост 30% в год.";

    /// <summary>The cluster name of the refused requests: no folder of that name may appear.</summary>
    public const string RefusedCluster = "refused";

    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    public static async Task ListsTheToolsWithCamelCaseSchemasAsync(McpClient client, params string[] expected)
    {
        var tools = await client.ListToolsAsync();
        Assert.Equal(expected.Order(), tools.Select(t => t.Name).Order());
        foreach (var name in new[] { "intake", "plan_cluster" })
        {
            var schema = tools.Single(t => t.Name == name).JsonSchema;
            var properties = schema.GetProperty("properties");
            foreach (var field in new[] { "clusterName", "clusterType", "environment", "cloudProvider", "haStrategy", "backupRetentionDays",
                         "enableSharding", "replicationMode", "shardCount", "tarantoolVersion", "edition", "deployment", "rpo", "rto", "description", "language" })
            {
                Assert.True(properties.TryGetProperty(field, out var property), $"{name} has no '{field}' argument");
                Assert.False(string.IsNullOrWhiteSpace(property.GetProperty("description").GetString()), $"{name}.{field} has no description");
            }

            var clusterTypes = properties.GetProperty("clusterType").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.Equal(["single-instance", "replicated", "cartridge", "sharded", "multi-region"], clusterTypes);
            Assert.Contains("3.7", properties.GetProperty("tarantoolVersion").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("integer", properties.GetProperty("shardCount").GetProperty("type").GetString());
            Assert.Equal("boolean", properties.GetProperty("enableSharding").GetProperty("type").GetString());
        }

        var validate = tools.Single(t => t.Name == "validate_config").JsonSchema;
        Assert.Equal(["config", "tarantoolVersion"], validate.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToList());
    }

    public static async Task ResolvesARussianDescriptionAsync(McpClient client)
    {
        var result = await client.CallToolAsync("intake", new Dictionary<string, object?> { ["description"] = RussianDescription });
        Assert.False(result.IsError, Text(result));
        var document = result.StructuredContent!.Value;
        Assert.Equal("ru", document.GetProperty("language").GetString());
        var request = document.GetProperty("request");
        Assert.Equal("orders", request.GetProperty("clusterName").GetString());
        Assert.Equal("sharded", request.GetProperty("clusterType").GetString());
        Assert.Equal("production", request.GetProperty("environment").GetString());
        Assert.Equal(4, request.GetProperty("shardCount").GetInt32());
        Assert.Equal(14, request.GetProperty("backupRetentionDays").GetInt32());
        Assert.Equal("kubernetes", request.GetProperty("cloudProvider").GetString());
        Assert.Equal(0, document.GetProperty("errors").GetArrayLength());
        Assert.Contains("\"clusterName\"", Text(result));
    }

    /// <summary>Plans the Russian request with a progress token; returns the structured result.</summary>
    public static async Task<JsonElement> PlansWithProgressAsync(McpClient client, IDictionary<string, object?>? extra = null)
    {
        var progress = new List<ProgressNotificationValue>();
        var arguments = new Dictionary<string, object?> { ["description"] = RussianDescription, ["tarantoolVersion"] = "3.7" };
        foreach (var (key, value) in extra ?? new Dictionary<string, object?>()) arguments[key] = value;
        using var timeout = new CancellationTokenSource(Patience);
        var result = await client.CallToolAsync("plan_cluster", arguments, new SynchronousProgress(progress), cancellationToken: timeout.Token);
        Assert.False(result.IsError, Text(result));

        var structured = result.StructuredContent!.Value;
        Assert.Equal("succeeded", structured.GetProperty("status").GetString());
        Assert.Equal("ru", structured.GetProperty("language").GetString());
        var summary = structured.GetProperty("summary").GetString()!;
        Assert.Contains("«orders»", summary);
        Assert.Contains("4 шарда × 3 экземпляра", summary);
        Assert.Contains("Комплект готов", summary);

        // A notification per phase start and end, ending at ten of ten.
        lock (progress)
        {
            Assert.True(progress.Count >= 10, $"{progress.Count} progress notifications");
            Assert.All(progress, p => Assert.Equal(10, p.Total));
            Assert.Equal(10, progress.Max(p => p.Progress));
            Assert.Contains(progress, p => p.Message?.Contains("capacity-planning", StringComparison.Ordinal) == true);
        }

        var files = structured.GetProperty("mainFiles").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToList();
        Assert.Contains("tarantool/config.yaml", files);
        Assert.Contains("bundle.json", files);
        Assert.Contains(files, f => f!.StartsWith("phases/", StringComparison.Ordinal));
        return structured;
    }

    /// <summary>Reads the bundle's config.yaml through resources/read at the URI plan_cluster gave and the listing has.</summary>
    public static async Task<string> ReadsTheConfigThroughResourcesAsync(McpClient client, JsonElement planned, bool listed = true)
    {
        var uri = planned.GetProperty("mainFiles").EnumerateArray()
            .Single(f => f.GetProperty("path").GetString() == "tarantool/config.yaml").GetProperty("uri").GetString()!;
        if (listed)
        {
            var resources = await client.ListResourcesAsync();
            Assert.Contains(resources, r => r.Uri == uri);
        }

        var read = await client.ReadResourceAsync(uri);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(read.Contents)).Text;
        Assert.Contains("replicasets:", text);
        Assert.Contains("sharding:", text);
        return text;
    }

    /// <summary>Bad arguments: each a tool error naming the field, never a crash; the caller checks nothing was written.</summary>
    public static async Task RefusesBadArgumentsNamingTheFieldAsync(McpClient client)
    {
        async Task Refused(string tool, Dictionary<string, object?> arguments, string field)
        {
            var result = await client.CallToolAsync(tool, arguments);
            Assert.True(result.IsError, $"{tool} accepted {JsonSerializer.Serialize(arguments)[..Math.Min(200, JsonSerializer.Serialize(arguments).Length)]}");
            Assert.Contains(field, Text(result));
        }

        var valid = new Dictionary<string, object?> { ["clusterName"] = RefusedCluster, ["clusterType"] = "sharded", ["environment"] = "production" };
        await Refused("plan_cluster", new(valid) { ["clusterType"] = "huge" }, "clusterType");
        await Refused("plan_cluster", new(valid) { ["shardCount"] = 0 }, "shardCount");
        await Refused("plan_cluster", new(valid) { ["shardCount"] = "many" }, "shardCount");
        await Refused("plan_cluster", new(valid) { ["shardCount"] = 2.5 }, "shardCount");
        await Refused("plan_cluster", new(valid) { ["enableSharding"] = new[] { 1 } }, "enableSharding");
        await Refused("plan_cluster", new(valid) { ["backupRetentionDays"] = 99999 }, "backupRetentionDays");
        await Refused("plan_cluster", new(valid) { ["clusterName"] = "../../etc" }, "clusterName");
        await Refused("plan_cluster", new(valid) { ["rpo"] = "soon" }, "rpo");
        await Refused("plan_cluster", new(valid) { ["tarantoolVersion"] = "1.10" }, "tarantoolVersion");
        await Refused("plan_cluster", new(valid) { ["outputFolder"] = "/tmp" }, "outputFolder");
        await Refused("plan_cluster", new(valid) { ["description"] = new string('a', 1024 * 1024 + 1) }, "description");
        await Refused("plan_cluster", new(valid) { ["description"] = "orders\0" }, "description");
        await Refused("plan_cluster", new() { ["description"] = "a cluster" }, "clusterName");
        await Refused("intake", new(valid) { ["environment"] = "prod-ish" }, "environment");
        await Refused("validate_config", new() { ["config"] = "credentials: {}", ["tarantoolVersion"] = "2.11" }, "tarantoolVersion");
        await Refused("validate_config", new() { ["tarantoolVersion"] = "3.7" }, "config");
        await Refused("validate_config", new() { ["config"] = new string('a', 1024 * 1024 + 1), ["tarantoolVersion"] = "3.7" }, "config");

        var unknown = await Assert.ThrowsAsync<McpProtocolException>(() => client.CallToolAsync("drop_cluster", new Dictionary<string, object?>()).AsTask());
        Assert.Contains("drop_cluster", unknown.Message);
    }

    /// <summary>validate_config returns the validator's findings: none for the bundle's own config, a named error for a broken one.</summary>
    public static async Task ValidatesConfigsAsync(McpClient client, string config)
    {
        var clean = await client.CallToolAsync("validate_config", new Dictionary<string, object?> { ["config"] = config, ["tarantoolVersion"] = "3.7" });
        Assert.False(clean.IsError, Text(clean));
        Assert.True(clean.StructuredContent!.Value.GetProperty("valid").GetBoolean(), Text(clean));

        // Community Edition has no iproto TLS: the same config with an ssl listen is refused by the edition check.
        var broken = config.Replace("replicasets:", "iproto:\n  listen:\n  - uri: 0.0.0.0:3301\n    params:\n      transport: ssl\nreplicasets:", StringComparison.Ordinal);
        var community = await client.CallToolAsync("validate_config", new Dictionary<string, object?> { ["config"] = broken, ["tarantoolVersion"] = "3.7", ["edition"] = "community" });
        Assert.False(community.IsError, Text(community));
        var structured = community.StructuredContent!.Value;
        Assert.False(structured.GetProperty("valid").GetBoolean(), Text(community));
        Assert.Contains(structured.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    public static string Text(CallToolResult result) => string.Join('\n', result.Content.OfType<TextContentBlock>().Select(c => c.Text));

    /// <summary>Progress&lt;T&gt; posts to the thread pool; the assertions need every notification received by the time the call returns.</summary>
    private sealed class SynchronousProgress(List<ProgressNotificationValue> values) : IProgress<ProgressNotificationValue>
    {
        public void Report(ProgressNotificationValue value)
        {
            lock (values) values.Add(value);
        }
    }
}
