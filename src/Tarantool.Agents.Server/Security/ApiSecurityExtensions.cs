using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Tarantool.Agents.Server.Security;

/// <summary>Wires API keys, rate limits and the request log into the service (section <c>Server</c>).</summary>
internal static class ApiSecurityExtensions
{
    /// <summary>
    /// Registers the options (validated when the app starts, with <paramref name="urls"/> deciding whether an
    /// anonymous API may listen there), the key ring, the rate limiter and Serilog writing to <paramref name="log"/>
    /// (no log when null).
    /// </summary>
    public static WebApplicationBuilder AddApiSecurity(this WebApplicationBuilder builder, IReadOnlyList<string> urls, TextWriter? log = null)
    {
        var section = builder.Configuration.GetSection(ApiSecurityOptions.SectionName);
        builder.Services.AddOptions<ApiSecurityOptions>().Bind(section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApiSecurityOptions>>(new ApiSecurityOptionsValidator(urls));
        builder.Services.AddSingleton(services => new ApiKeyRing(services.GetRequiredService<IOptions<ApiSecurityOptions>>().Value.ApiKeys));
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ApiSecurityOptions>>((forwarded, security) => ForwardedHeadersSetup.Configure(forwarded, security.Value.ForwardedHeaders ?? new ForwardedHeadersSettings()));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ApiSecurityOptions>>((limiter, security) => ApiRateLimiting.Configure(limiter, security.Value.RateLimit));

        // The logger is needed before the options are validated (start-up problems are logged too), so it reads its
        // section directly; a bad level or format still fails validation at start.
        var logOptions = new ServerLogOptions();
        section.GetSection("Log").Bind(logOptions);
        var logger = ServerLog.Create(logOptions, log);
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton(new RequestLogger(logger));
        return builder;
    }

    /// <summary>
    /// The middleware, outermost first: the client address and scheme from trusted proxies' headers (a no-op unless
    /// <c>Server:ForwardedHeaders</c> names some), so everything after sees the real caller; the request log (so 401s and 429s are logged with their duration), who the
    /// caller is, the rate limiter (per caller), then the 401 challenge. Call before mapping endpoints.
    /// </summary>
    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<RequestLogger>().Logger;
        // Options are read when the pipeline is built, after start-up validation rejected bad addresses.
        app.UseForwardedHeaders();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms ({Caller})";
            options.GetLevel = (http, _, exception) =>
                exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                // Load balancers probe /healthz every few seconds; those lines would drown the rest.
                : http.Request.Path.StartsWithSegments("/healthz") ? LogEventLevel.Debug
                : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (context, http) =>
            {
                var caller = http.Features.Get<ApiCaller>();
                context.Set("Caller", caller?.Description ?? "public");
                context.Set("KeyId", caller?.KeyId);
                context.Set("ClientAddress", http.Connection.RemoteIpAddress?.ToString());
            };
        });
        app.UseMiddleware<ApiCallerMiddleware>();
        app.UseRateLimiter();
        app.UseMiddleware<ApiKeyChallengeMiddleware>();
        return app;
    }

    /// <summary>The service's Serilog logger, for the request-log middleware (which does not take it from DI).</summary>
    private sealed record RequestLogger(Serilog.ILogger Logger);
}
