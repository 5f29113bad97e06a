namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Section <c>Server</c>: who may call <c>/v1</c> and <c>/mcp</c>, how often, and what the service logs. Read from
/// appsettings.json, then <c>TARANTOOL_AGENTS_Server__...</c> environment variables, then <c>serve</c>'s flags.
/// </summary>
internal sealed class ApiSecurityOptions
{
    public const string SectionName = "Server";

    /// <summary>
    /// Keys accepted as <c>Authorization: Bearer KEY</c>. None: the API is anonymous, which <c>serve</c> allows on
    /// loopback addresses only, unless <see cref="AllowAnonymous"/>.
    /// </summary>
    public string[] ApiKeys { get; set; } = [];

    /// <summary>Serve without keys on a non-loopback address (behind a gateway that authenticates, say).</summary>
    public bool AllowAnonymous { get; set; }

    public RateLimitOptions RateLimit { get; set; } = new();

    public ServerLogOptions Log { get; set; } = new();

    /// <summary>Trusted proxies whose <c>X-Forwarded-*</c> headers name the client; none by default.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}
