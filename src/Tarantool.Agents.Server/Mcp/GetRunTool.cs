using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tarantool.Agents.Bundle.Summary;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// <c>get_run</c> (on <c>/mcp</c>): a run's status and phases as <c>GET /v1/runs/{id}</c> shows them, with its links
/// and, once it wrote a bundle, the summary and main files as <c>bundle://</c> resources.
/// </summary>
internal sealed class GetRunTool(IRunService runs, Func<string> baseUrl) : IMcpTool
{
    public const string Name = "get_run";

    public Tool Definition { get; } = new()
    {
        Name = Name,
        Title = "Show a planning run",
        Description =
            "Shows a run of plan_cluster (or of POST /v1/runs): status (queued, running, succeeded, failed, cancelled), each phase's " +
            "status, attempts and token usage, warnings, the error if it failed, links, and once the bundle is written its summary " +
            "and main files as bundle:// resources.",
        InputSchema = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["runId"] = new JsonObject { ["type"] = "string", ["description"] = "The run's id, as plan_cluster returned it (run_...)." },
            },
            ["required"] = new JsonArray("runId"),
            ["additionalProperties"] = false,
        }),
        Annotations = new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var arguments = context.Params?.Arguments ?? new Dictionary<string, JsonElement>();
        foreach (var name in arguments.Keys.Where(k => k != "runId"))
            throw new ToolArgumentException(name, $"'{RequestArguments.Shorten(name)}' is not a known argument; the only argument is runId.");
        if (!arguments.TryGetValue("runId", out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } id)
            throw new ToolArgumentException("runId", "runId is required: the id plan_cluster returned (run_...).");
        if (id.Length > 64 || await runs.GetAsync(id, cancellationToken) is not { } run)
            throw new ToolArgumentException("runId", $"runId: '{RequestArguments.Shorten(id)}' is not the id of a run.");

        var structured = JsonNode.Parse(RunJson.Serialize(run))!.AsObject();
        var links = RunClusterPlanner.Links(baseUrl(), run.Id);
        structured["links"] = new JsonObject([.. links.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]);
        var text = new StringBuilder($"Run {run.Id}: {run.Status}.");
        foreach (var phase in run.Phases)
            text.Append($"\n{phase.Id:00} {phase.Key}: {phase.Status}{(phase.Attempts > 1 ? $" ({phase.Attempts} attempts)" : "")}{(phase.Reused ? " (reused)" : "")}{(phase.Reason is null ? "" : " — " + phase.Reason)}");
        if (run.Error is not null) text.Append($"\nError: {run.Error}");

        if (await runs.BundlePathAsync(run.Id, cancellationToken) is { } bundle && BundleSummary.Read(bundle) is { } summary)
        {
            var summaryText = BundleSummaryText.Write(summary, BundleSummaryFormat.PlainText);
            structured["summary"] = summaryText;
            structured["mainFiles"] = new JsonArray([.. summary.MainFiles.Select(p => (JsonNode)new JsonObject { ["path"] = p, ["uri"] = ServiceBundleResources.UriOf(run.Id, p) })]);
            text.Append("\n\n").Append(summaryText);
            text.Append("\nMain files (readable as resources):");
            foreach (var path in summary.MainFiles) text.Append($"\n- {path}: {ServiceBundleResources.UriOf(run.Id, path)}");
        }
        else
        {
            foreach (var warning in run.Warnings) text.Append($"\nWarning ({warning.Source}): {warning.Message}");
        }

        foreach (var link in links) text.Append($"\n{link.Key}: {link.Value}");
        return ToolResults.Success(text.ToString(), structured);
    }
}
