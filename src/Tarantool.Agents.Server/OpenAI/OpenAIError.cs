using Microsoft.AspNetCore.Http;

namespace Tarantool.Agents.Server.OpenAI;

/// <summary>Errors in the OpenAI shape (<c>{"error": {"message", "type", "code"}}</c>), so SDK clients report them well.</summary>
internal static class OpenAIError
{
    public static IResult BadRequest(string message, string? code = null) =>
        Results.Json(Body(message, "invalid_request_error", code), statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message, string? code = null) =>
        Results.Json(Body(message, "invalid_request_error", code), statusCode: StatusCodes.Status404NotFound);

    public static object Body(string message, string type, string? code) => new { error = new { message, type, code } };
}
