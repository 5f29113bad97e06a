using Microsoft.AspNetCore.Http;

namespace Tarantool.Agents.Server.Runs;

/// <summary>Errors of the runs API in OpenAI's shape: <c>{"error": {"message", "type", "param", "code"}}</c>.</summary>
internal static class RunErrors
{
    public static IResult BadRequest(string message, string? param = null, string? code = null) =>
        Error(StatusCodes.Status400BadRequest, message, "invalid_request_error", param, code);

    public static IResult NotFound(string message, string? param = null) =>
        Error(StatusCodes.Status404NotFound, message, "invalid_request_error", param, "not_found");

    public static IResult Conflict(string message, string code) =>
        Error(StatusCodes.Status409Conflict, message, "invalid_request_error", null, code);

    public static IResult TooLarge(long bytes) =>
        Error(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {bytes / (1024 * 1024)} MiB.", "invalid_request_error", null, "payload_too_large");

    public static IResult UnknownRun(string id) => NotFound($"There is no run '{(id.Length <= 40 ? id : id[..40] + "...")}'.", "id");

    private static IResult Error(int status, string message, string type, string? param, string? code) =>
        Results.Json(new { error = new { message, type, param, code } }, RunJson.Options, statusCode: status);
}
