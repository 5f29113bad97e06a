using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// <c>intake</c>: how the arguments and the description resolve into a request, without running anything — the
/// same document as <c>tarantool-agents intake --json</c> (request, sources, errors, warnings), with errors naming
/// the arguments. A request with errors is a tool error (as the CLI exits 2), and still carries the document.
/// </summary>
internal sealed class IntakeTool : IMcpTool
{
    public const string Name = "intake";

    public Tool Definition { get; } = new()
    {
        Name = Name,
        Title = "Resolve a Tarantool cluster request",
        Description =
            "Shows how a cluster description (English or Russian) and the optional fields resolve into a Tarantool cluster " +
            "request, without planning anything: the resolved request, where each field came from (argument, description, default), " +
            "errors naming the field to fix, and warnings about figures in the text that were not used. Call it before plan_cluster " +
            "to check that the request says what the engineer meant.",
        InputSchema = JsonSerializer.SerializeToElement(RequestArguments.Schema()),
        Annotations = new ToolAnnotations { ReadOnlyHint = true, DestructiveHint = false, IdempotentHint = true, OpenWorldHint = false },
    };

    public ValueTask<CallToolResult> CallAsync(RequestContext<CallToolRequestParams> context, CancellationToken cancellationToken = default)
    {
        var result = RequestIntake.Resolve(RequestArguments.Read(context.Params?.Arguments?.AsReadOnly()));
        var document = Document(result);
        if (!result.IsValid)
        {
            var errors = document["errors"]!.AsArray().Select(e => (string?)e).ToList();
            return ValueTask.FromResult(ToolResults.Error(
                "The request is not complete:\n" + string.Join("\n", errors.Select(e => "- " + e)) + "\n\n" + ToolResults.Json(document), document));
        }

        return ValueTask.FromResult(ToolResults.Success(ToolResults.Json(document), document));
    }

    /// <summary>Intake's JSON document with its messages naming the MCP arguments instead of CLI flags.</summary>
    public static JsonObject Document(IntakeResult result)
    {
        var document = JsonNode.Parse(result.ToJson())!.AsObject();
        foreach (var list in new[] { "errors", "warnings" })
        {
            if (document[list] is not JsonArray items) continue;
            document[list] = new JsonArray([.. items.Select(item => (JsonNode?)JsonValue.Create(RequestArguments.Rename((string?)item ?? "")))]);
        }

        return document;
    }
}
