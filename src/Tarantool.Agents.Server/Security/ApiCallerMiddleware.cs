using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Reads the bearer key of a request to a protected path and records who the caller is (<see cref="ApiCaller"/>,
/// and a <c>key_id</c> claim on <see cref="HttpContext.User"/> for endpoints that care). It refuses nothing: the rate
/// limiter runs next, then <see cref="ApiKeyChallengeMiddleware"/> answers 401.
/// </summary>
internal sealed class ApiCallerMiddleware(RequestDelegate next, ApiKeyRing keys)
{
    public const string KeyIdClaim = "key_id";

    public Task InvokeAsync(HttpContext http)
    {
        if (!ApiPaths.IsProtected(http.Request.Path)) return next(http);
        var caller = Identify(http);
        http.Features.Set(caller);
        if (caller.Kind == ApiCallerKind.Key)
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(KeyIdClaim, caller.KeyId!)], authenticationType: "ApiKey"));
        return next(http);
    }

    private ApiCaller Identify(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (keys.IsEmpty) return ApiCaller.ByAddress(ApiCallerKind.Anonymous, address);
        var headers = http.Request.Headers[HeaderNames.Authorization];
        if (headers.Count == 0) return ApiCaller.ByAddress(ApiCallerKind.MissingKey, address);
        if (headers.Count > 1) return ApiCaller.ByAddress(ApiCallerKind.WrongKey, address);
        var value = headers[0] ?? "";
        const string scheme = "Bearer ";
        if (!value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return ApiCaller.ByAddress(ApiCallerKind.WrongKey, address);
        var keyId = keys.Identify(value[scheme.Length..].Trim());
        return keyId is null ? ApiCaller.ByAddress(ApiCallerKind.WrongKey, address) : ApiCaller.WithKey(keyId);
    }
}
