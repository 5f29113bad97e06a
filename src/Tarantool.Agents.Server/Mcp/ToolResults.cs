using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>Tool results: the text an assistant reads, and the same facts as structured JSON for programs.</summary>
internal static class ToolResults
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static CallToolResult Success(string text, JsonObject structured) => new()
    {
        Content = [new TextContentBlock { Text = text }],
        StructuredContent = JsonSerializer.SerializeToElement(structured),
        IsError = false,
    };

    /// <summary>A refusal the client can act on: the message says what to change; <paramref name="details"/> adds context.</summary>
    public static CallToolResult Error(string message, JsonObject? details = null)
    {
        var structured = details ?? [];
        structured["error"] = message;
        return new CallToolResult
        {
            Content = [new TextContentBlock { Text = message }],
            StructuredContent = JsonSerializer.SerializeToElement(structured),
            IsError = true,
        };
    }

    public static string Json(JsonNode node) => node.ToJsonString(Indented);
}
