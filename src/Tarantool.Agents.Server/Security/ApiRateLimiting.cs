using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Net.Http.Headers;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// ASP.NET Core's rate limiter set up for the API: one fixed window per caller partition (<see cref="ApiCaller.Partition"/>),
/// nothing queued, and a 429 in OpenAI's shape with <c>Retry-After</c> (whole seconds, as OpenAI SDKs read it).
/// </summary>
internal static class ApiRateLimiting
{
    public static void Configure(RateLimiterOptions limiter, RateLimitOptions settings)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            var caller = http.Features.Get<ApiCaller>();
            if (!settings.Enabled || caller is null) return RateLimitPartition.GetNoLimiter("unlimited");
            return RateLimitPartition.GetFixedWindowLimiter(caller.Partition, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = settings.PermitLimit,
                Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        });
        limiter.OnRejected = (context, cancellationToken) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                : settings.WindowSeconds;
            var http = context.HttpContext;
            http.Response.Headers[HeaderNames.RetryAfter] = seconds.ToString(CultureInfo.InvariantCulture);
            var who = http.Features.Get<ApiCaller>()?.Kind == ApiCallerKind.Key ? "this API key" : "this client address";
            return new ValueTask(ApiErrors.WriteAsync(
                http,
                StatusCodes.Status429TooManyRequests,
                $"Rate limit reached for {who}: {settings.PermitLimit} requests per {settings.WindowSeconds} s. Retry after {seconds} s.",
                "rate_limit_error",
                "rate_limit_exceeded",
                cancellationToken));
        };
    }
}
