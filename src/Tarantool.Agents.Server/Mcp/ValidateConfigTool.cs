using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// <c>validate_config</c>: a Tarantool 3.x <c>config.yaml</c> through the product's own config validator
/// (<see cref="TarantoolConfigValidator"/>: Tarantool's scoping and cross-field rules, the edition's options, the
/// bundle's rules). Findings are the answer, not a tool error; only unusable arguments are.
/// </summary>
internal sealed class ValidateConfigTool : IMcpTool
{
    public const string Name = "validate_config";

    private static readonly string[] ConfigVersions = [.. TarantoolVersion.Supported.Where(v => v.Major >= 3).Select(v => v.ToString())];

    public Tool Definition { get; } = new()
    {
        Name = Name,
        Title = "Validate a Tarantool config.yaml",
        Description =
            "Checks a Tarantool 3.x cluster config (config.yaml text) the way Tarantool checks it at start-up and the way this " +
            "product checks its own bundles: option scopes, failover-dependent options, bootstrap leaders, names, sharding roles, " +
            "connectable URIs, credentials (no literal passwords), metrics export, and options the chosen edition does not have. " +
            "Returns each finding with its severity, code, place and what to change.",
        InputSchema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["config"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "The text of a Tarantool 3.x config.yaml (at most 1 MiB).",
                    ["maxLength"] = McpLimits.MaxConfigBytes,
                },
                ["tarantoolVersion"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "The Tarantool release line the config targets (config.yaml exists since 3.0).",
                    ["enum"] = new JsonArray([.. ConfigVersions.Select(v => (JsonNode)JsonValue.Create(v))]),
                },
                ["edition"] = new JsonObject
                {
                    ["type"] = "string",
                    ["description"] = "Tarantool edition (default community; community refuses Enterprise-only options such as iproto TLS).",
                    ["enum"] = new JsonArray([.. SeedSpellings.All<Edition>().Select(v => (JsonNode)JsonValue.Create(v))]),
                },
            },
            ["required"] = new JsonArray("config", "tarantoolVersion"),
            ["additionalProperties"] = false,
        }),
        Annotations = new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    public ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var arguments = context.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        foreach (var name in arguments.Keys)
        {
            if (name is not ("config" or "tarantoolVersion" or "edition"))
                throw new ToolArgumentException(name, $"'{RequestArguments.Shorten(name)}' is not a known argument; the arguments are config, tarantoolVersion, edition.");
        }

        var config = String(arguments, "config", McpLimits.MaxConfigBytes)
                     ?? throw new ToolArgumentException("config", "config is required: the text of a Tarantool 3.x config.yaml.");
        var versionText = String(arguments, "tarantoolVersion", McpLimits.MaxValueChars)
                          ?? throw new ToolArgumentException("tarantoolVersion", $"tarantoolVersion is required: one of {string.Join(", ", ConfigVersions)}.");
        if (!TarantoolVersion.TryParse(versionText, out var version) || !version.IsSupported)
            throw new ToolArgumentException("tarantoolVersion", $"tarantoolVersion: '{RequestArguments.Shorten(versionText)}' is not a supported Tarantool version; use one of {string.Join(", ", ConfigVersions)}.");
        if (version.Major < 3)
            throw new ToolArgumentException("tarantoolVersion",
                $"tarantoolVersion: Tarantool {version} has no config.yaml (it is configured with box.cfg in Lua); config.yaml is checked for {string.Join(", ", ConfigVersions)}.");
        var edition = Edition.Community;
        if (String(arguments, "edition", McpLimits.MaxValueChars) is { } editionText && !SeedSpellings.TryParse(editionText, out edition))
            throw new ToolArgumentException("edition", $"edition: '{RequestArguments.Shorten(editionText)}' is not allowed; use one of {string.Join(", ", SeedSpellings.All<Edition>())}.");

        var findings = new TarantoolConfigValidator().Validate(config, file: "config.yaml", edition: edition);
        var errors = findings.Count(f => f.Severity == ValidationSeverity.Error);
        var warnings = findings.Count - errors;
        var structured = new JsonObject
        {
            ["tarantoolVersion"] = version.ToString(),
            ["edition"] = SeedSpellings.Spell(edition),
            ["valid"] = errors == 0,
            ["errors"] = errors,
            ["warnings"] = warnings,
            ["findings"] = new JsonArray([.. findings.Select(f => (JsonNode)new JsonObject
            {
                ["severity"] = f.Severity == ValidationSeverity.Error ? "error" : "warning",
                ["code"] = f.Code,
                ["path"] = f.Path,
                ["message"] = f.Message,
            })]),
        };

        var text = new StringBuilder();
        text.Append($"config.yaml for Tarantool {version} ({SeedSpellings.Spell(edition)} edition): ");
        text.Append(findings.Count == 0 ? "no findings." : $"{errors} error(s), {warnings} warning(s).");
        foreach (var finding in findings)
            text.Append($"\n- {(finding.Severity == ValidationSeverity.Error ? "error" : "warning")} {finding.Code}{(finding.Path is null ? "" : " at " + finding.Path)}: {finding.Message}");
        return ValueTask.FromResult(ToolResults.Success(text.ToString(), structured));
    }

    private static string? String(IDictionary<string, JsonElement> arguments, string name, int maxBytes)
    {
        if (!arguments.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String) throw new ToolArgumentException(name, $"{name}: expected a string.");
        var text = value.GetString()!;
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
            throw new ToolArgumentException(name, $"{name}: the text is larger than {(maxBytes >= 1024 * 1024 ? $"{maxBytes / (1024 * 1024)} MiB" : $"{maxBytes} bytes")}.");
        if (text.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            throw new ToolArgumentException(name, $"{name}: the text contains binary or control characters.");
        return text;
    }
}
