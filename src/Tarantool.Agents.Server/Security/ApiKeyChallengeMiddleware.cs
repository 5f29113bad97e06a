using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Answers 401 (with <c>WWW-Authenticate: Bearer</c>, RFC 6750) to a protected request that has no accepted key while
/// keys are configured. The message never repeats what was sent.
/// </summary>
internal sealed class ApiKeyChallengeMiddleware(RequestDelegate next)
{
    private const string Realm = "Bearer realm=\"tarantool-agents\"";

    public Task InvokeAsync(HttpContext http)
    {
        var caller = http.Features.Get<ApiCaller>();
        switch (caller?.Kind)
        {
            case ApiCallerKind.MissingKey:
                http.Response.Headers[HeaderNames.WWWAuthenticate] = Realm;
                return ApiErrors.WriteAsync(
                    http,
                    StatusCodes.Status401Unauthorized,
                    "This service needs an API key: send it as 'Authorization: Bearer KEY'. Keys are configured in Server:ApiKeys.",
                    "invalid_request_error",
                    "missing_api_key",
                    http.RequestAborted);
            case ApiCallerKind.WrongKey:
                http.Response.Headers[HeaderNames.WWWAuthenticate] = Realm + ", error=\"invalid_token\"";
                return ApiErrors.WriteAsync(
                    http,
                    StatusCodes.Status401Unauthorized,
                    "The API key is not valid: send one of the keys configured in Server:ApiKeys as 'Authorization: Bearer KEY'.",
                    "invalid_request_error",
                    "invalid_api_key",
                    http.RequestAborted);
            default:
                return next(http);
        }
    }
}
