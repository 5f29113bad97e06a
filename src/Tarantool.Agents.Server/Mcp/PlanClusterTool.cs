using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tarantool.Agents.Bundle.Summary;
using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// <c>plan_cluster</c>: the ten phases for a request given as <c>intake</c>'s arguments. Input is resolved first and
/// refused whole when anything is wrong (nothing is written); then <see cref="IClusterPlanner"/> runs it, with a
/// progress notification per phase when the client sent a progress token. The result is the summary in the
/// request's language, the warnings, where the bundle is and its main files as resource URIs.
/// </summary>
internal sealed class PlanClusterTool(IClusterPlanner planner, string location) : IMcpTool
{
    public const string Name = "plan_cluster";

    public Tool Definition { get; } = new()
    {
        Name = Name,
        Title = "Plan a Tarantool cluster",
        Description =
            "Designs a Tarantool cluster from a description (English or Russian) and the optional fields: capacity plan, topology, " +
            "backup and recovery, config.yaml, replication, containers/Kubernetes, monitoring, DR drills, docs and deployment " +
            $"automation, each validated. {location} Returns a summary in the request's language, the warnings and the main files, " +
            "which can be read as resources (e.g. tarantool/config.yaml). Takes from seconds (embedded expert) to minutes (LLM); " +
            "sends progress per phase when a progress token is given. Use intake first to check the request.",
        InputSchema = JsonSerializer.SerializeToElement(RequestArguments.Schema()),
        Annotations = new ToolAnnotations { ReadOnlyHint = false, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    public async ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var input = RequestArguments.Read(context.Params?.Arguments?.AsReadOnly());
        var intake = RequestIntake.Resolve(input);
        if (!intake.IsValid)
        {
            // Refused before anything is written: a bad field never leaves a partial bundle.
            var document = IntakeTool.Document(intake);
            var errors = document["errors"]!.AsArray().Select(e => (string?)e ?? "").ToList();
            throw new ToolArgumentException(RequestArguments.FieldOf(errors.FirstOrDefault() ?? ""),
                "The request cannot be planned:\n" + string.Join("\n", errors.Select(e => "- " + e)));
        }

        var token = context.Params?.ProgressToken;
        async ValueTask Report(PlanProgress step)
        {
            if (token is { } progressToken)
            {
                await context.Server.NotifyProgressAsync(progressToken,
                    new ProgressNotificationValue { Progress = step.Completed, Total = step.Total, Message = step.Message },
                    cancellationToken: cancellationToken);
            }
        }

        var outcome = await planner.PlanAsync(input, intake, Report, cancellationToken);
        if (outcome.RunId is null && outcome.BundleRoot is not null)
        {
            try
            {
                // The session's resource list grew (stdio); clients that cache it refresh.
                await context.Server.SendNotificationAsync(NotificationMethods.ResourceListChangedNotification, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A client that cannot take the notification still gets the result with every file's URI.
            }
        }
        var summary = outcome.BundleRoot is null ? null : BundleSummary.Read(outcome.BundleRoot);
        var summaryText = summary is null ? null : BundleSummaryText.Write(summary, BundleSummaryFormat.PlainText);
        var structured = new JsonObject
        {
            ["status"] = summary?.Status ?? outcome.Status ?? "failed",
            ["language"] = (summary?.Language ?? intake.Language).ToString().ToLowerInvariant(),
            ["summary"] = summaryText,
        };
        if (outcome.RunId is not null) structured["runId"] = outcome.RunId;
        if (outcome.Links is not null) structured["links"] = new JsonObject([.. outcome.Links.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))]);
        if (outcome.BundleRoot is not null && outcome.RunId is null) structured["bundleFolder"] = outcome.BundleRoot;
        structured["warnings"] = new JsonArray([.. (summary?.Warnings ?? []).Select(w => (JsonNode)new JsonObject { ["source"] = w.Source, ["code"] = w.Code, ["message"] = w.Message })]);
        structured["mainFiles"] = new JsonArray([.. (summary?.MainFiles ?? []).Select(p => (JsonNode)new JsonObject { ["path"] = p, ["uri"] = outcome.ResourceUri(p) })]);
        if (outcome.Error is not null) structured["error"] = outcome.Error;

        var text = new StringBuilder(summaryText ?? outcome.Error ?? "The run ended without a bundle.");
        if (outcome.RunId is not null) text.Append($"\n\nRun: {outcome.RunId}");
        foreach (var link in outcome.Links ?? new Dictionary<string, string>()) text.Append($"\n{link.Key}: {link.Value}");
        if (outcome.BundleRoot is not null && outcome.RunId is null) text.Append($"\n\nBundle folder: {outcome.BundleRoot}");
        if (summary is { MainFiles.Count: > 0 })
        {
            text.Append("\nMain files (readable as resources):");
            foreach (var path in summary.MainFiles) text.Append($"\n- {path}: {outcome.ResourceUri(path)}");
        }

        var succeeded = (summary?.Status ?? outcome.Status) == "succeeded";
        return succeeded ? ToolResults.Success(text.ToString(), structured) : ToolResults.Error(text.ToString(), structured);
    }
}
