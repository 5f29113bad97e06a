using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Tarantool.Agents.Server.Security;

/// <summary>Writes errors in OpenAI's shape (<c>{"error": {"message", "type", "param", "code"}}</c>) from middleware.</summary>
internal static class ApiErrors
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, int status, string message, string type, string? code, CancellationToken cancellationToken = default)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new { error = new { message, type, param = (string?)null, code } };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Wire), cancellationToken);
    }
}
