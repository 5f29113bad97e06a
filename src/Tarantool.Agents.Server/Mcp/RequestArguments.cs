using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// The request arguments of <c>intake</c> and <c>plan_cluster</c>: the CLI's request flags spelled in camelCase
/// (<c>clusterName</c> for <c>--cluster-name</c>), plus <c>description</c> and <c>language</c>. Values go to intake
/// as the CLI's flags do, so a bad value gets intake's message, renamed to the argument the client sent.
/// </summary>
internal static partial class RequestArguments
{
    /// <summary>One request argument: its camelCase name, the flag intake knows it by, its JSON type and its schema.</summary>
    internal sealed record Parameter(string Name, string Flag, string Type, string Description, IReadOnlyList<string>? Values = null, bool DurationOrSeconds = false);

    public const string Description = "description";
    public const string Language = "language";

    /// <summary>The request parameters in report order; the names are the request's field names in camelCase.</summary>
    public static readonly IReadOnlyList<Parameter> Parameters =
    [
        new("clusterName", "cluster-name", "string",
            "Cluster name: 1-63 lowercase Latin letters, digits and '-', starting with a letter (e.g. 'orders'). Required, here or in the description."),
        new("clusterType", "cluster-type", "string", "Cluster shape. Required, here or in the description.", SeedSpellings.All<ClusterType>()),
        new("environment", "environment", "string", "Target environment. Required, here or in the description.", SeedSpellings.All<DeploymentEnvironment>()),
        new("cloudProvider", "cloud-provider", "string", "Where the cluster runs (default on-premises).", SeedSpellings.All<CloudProvider>()),
        new("haStrategy", "ha-strategy", "string", "High-availability strategy (default active-failover).", SeedSpellings.All<HaStrategy>()),
        new("backupRetentionDays", "backup-retention-days", "integer",
            $"Days to keep backups, {ParameterRules.MinBackupRetentionDays}-{ParameterRules.MaxBackupRetentionDays} (default {ClusterRequest.DefaultBackupRetentionDays})."),
        new("enableSharding", "enable-sharding", "boolean", "Shard the data with vshard (default false; implied by a sharded cluster or 'N shards')."),
        new("replicationMode", "replication-mode", "string", "Replication mode (default master-slave).", SeedSpellings.All<ReplicationMode>()),
        new("shardCount", "shard-count", "integer",
            $"Number of shards, {ParameterRules.MinShardCount}-{ParameterRules.MaxShardCount} (default: the fewest, at least 3, that keep each storage instance's memtx arena within the 64 GiB ceiling)."),
        new("replicas", "replicas", "integer",
            $"Instances per storage replicaset, the leader included, {ParameterRules.MinReplicas}-{ParameterRules.MaxReplicas} (default: from the environment, failover and sites; 3 in production)."),
        new("tarantoolVersion", "tarantool-version", "string", "Target Tarantool release line (default 3.7).",
            [.. TarantoolVersion.Supported.Select(v => v.ToString())]),
        new("edition", "edition", "string", "Tarantool edition (default community; enterprise adds iproto TLS).", SeedSpellings.All<Edition>()),
        new("deployment", "deployment", "string",
            "Deployment form (default: kubernetes for the kubernetes provider and for aws, azure, gcp; vm for on-premises).", SeedSpellings.All<DeploymentForm>()),
        new("rpo", "rpo", "string", "Recovery point objective: the writes you may lose, as seconds or a duration such as '0', '30s', '5m' (default: not stated).",
            DurationOrSeconds: true),
        new("rto", "rto", "string", "Recovery time objective: how long the service may be down, as seconds or a duration such as '15m', '1h' (default: not stated).",
            DurationOrSeconds: true),
    ];

    private static readonly Dictionary<string, Parameter> ByName = Parameters.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private static readonly Dictionary<string, string> NameByFlag = Parameters.ToDictionary(p => p.Flag, p => p.Name, StringComparer.Ordinal);

    /// <summary>Every argument name the request tools take, for "known arguments are ..." messages.</summary>
    public static IEnumerable<string> Names => Parameters.Select(p => p.Name).Append(Description).Append(Language);

    /// <summary>The JSON schema of the request arguments (shared by <c>intake</c> and <c>plan_cluster</c>).</summary>
    public static JsonObject Schema()
    {
        var properties = new JsonObject
        {
            [Description] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The cluster in the engineer's words, English or Russian: purpose, data size, read/write rates, growth, " +
                                  "cloud, RPO/RTO. May carry the required fields ('a sharded production cluster orders'). At most 1 MiB.",
                ["maxLength"] = RequestParameters.MaxDescriptionBytes,
            },
            [Language] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Language of the narratives and the summary: auto (the description's language), en or ru. Default auto.",
                ["enum"] = new JsonArray("auto", "en", "ru"),
            },
        };
        foreach (var parameter in Parameters)
        {
            var property = new JsonObject { ["description"] = parameter.Description };
            if (parameter.DurationOrSeconds)
            {
                // A duration is text ("15m") or plain seconds; both are what a person writes.
                property["type"] = new JsonArray("string", "integer");
            }
            else
            {
                property["type"] = parameter.Type;
            }

            if (parameter.Values is { } values) property["enum"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);
            if (parameter.Name == "clusterName") property["pattern"] = "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";
            properties[parameter.Name] = property;
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["additionalProperties"] = false,
        };
    }

    /// <summary>
    /// The arguments as intake's input. Unknown arguments, values of the wrong JSON type and oversize or binary text
    /// are refused here, naming the argument; value checks (allowed spellings, ranges) are intake's.
    /// </summary>
    public static IntakeInput Read(IReadOnlyDictionary<string, JsonElement>? arguments)
    {
        var flags = new Dictionary<string, string>(StringComparer.Ordinal);
        var description = "";
        string? language = null;
        foreach (var (name, value) in arguments ?? new Dictionary<string, JsonElement>())
        {
            // An explicit null is how some clients say "not given".
            if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) continue;
            // The description and language get the same checks (and words) as a batch file and the runs API.
            if (name == Description)
            {
                if (value.ValueKind != JsonValueKind.String) throw new ToolArgumentException(name, $"{name}: expected a string, got {Kind(value)}.");
                description = value.GetString() ?? "";
                if (RequestParameters.DescriptionProblem(description) is { } problem) throw new ToolArgumentException(name, $"{name}: {problem}");
                continue;
            }

            if (name == Language)
            {
                language = Text(name, value, McpLimits.MaxValueChars);
                if (RequestParameters.LanguageProblem(language) is { } problem) throw new ToolArgumentException(name, $"{name}: {problem}");
                continue;
            }

            if (!ByName.TryGetValue(name, out var parameter))
            {
                throw new ToolArgumentException(name,
                    $"'{Shorten(name)}' is not a known argument; the arguments are {string.Join(", ", Names)}.");
            }

            flags[parameter.Flag] = parameter.Type switch
            {
                "integer" when parameter.DurationOrSeconds is false => Integer(name, value),
                "boolean" => Boolean(name, value),
                _ when parameter.DurationOrSeconds && value.ValueKind == JsonValueKind.Number => Integer(name, value),
                _ => Text(name, value, McpLimits.MaxValueChars),
            };
        }

        return new IntakeInput(flags, description.Trim(), language);
    }

    /// <summary>
    /// Intake's messages name CLI flags (<c>--cluster-type: 'huge' is not allowed</c>); an MCP client sent
    /// <c>clusterType</c>, so that is the name it reads.
    /// </summary>
    public static string Rename(string message) =>
        FlagPattern().Replace(message, match => NameByFlag.TryGetValue(match.Groups[1].Value, out var name) ? name : match.Value);

    /// <summary>The argument name of a request key (<c>shard-count</c> gives <c>shardCount</c>); other keys stay as they are.</summary>
    public static string NameOf(string key) => NameByFlag.TryGetValue(key, out var name) ? name : key;

    /// <summary>The argument a message is about: the first request argument it names, else <c>description</c>.</summary>
    public static string FieldOf(string renamedMessage) =>
        Parameters.Select(p => p.Name).Append(Language)
            .Select(name => (name, at: renamedMessage.IndexOf(name, StringComparison.Ordinal)))
            .Where(x => x.at >= 0)
            .OrderBy(x => x.at)
            .Select(x => x.name)
            .FirstOrDefault() ?? Description;

    private static string Text(string name, JsonElement value, int maxBytes)
    {
        if (value.ValueKind != JsonValueKind.String)
            throw new ToolArgumentException(name, $"{name}: expected a string, got {Kind(value)}.");
        var text = value.GetString() ?? "";
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
            throw new ToolArgumentException(name, $"{name}: the text is larger than {Size(maxBytes)}; {(name == Description ? "a description is prose, not data" : "give a short value")}.");
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            throw new ToolArgumentException(name, $"{name}: the text contains binary or control characters; give plain text.");
        return text;
    }

    private static string Integer(string name, JsonElement value)
    {
        // Whole numbers only; intake checks the range and says what is allowed.
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (value.ValueKind == JsonValueKind.String) return Text(name, value, McpLimits.MaxValueChars);
        throw new ToolArgumentException(name, $"{name}: expected a whole number, got {Kind(value)}.");
    }

    private static string Boolean(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.String => Text(name, value, McpLimits.MaxValueChars),
        _ => throw new ToolArgumentException(name, $"{name}: expected true or false, got {Kind(value)}."),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.String => "a string",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Size(int bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"--([a-z]+(?:-[a-z]+)*)")]
    private static partial Regex FlagPattern();
}
