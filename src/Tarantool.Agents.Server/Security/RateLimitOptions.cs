namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Section <c>Server:RateLimit</c>: a fixed window of requests per API key (per client address when anonymous or
/// when the key is wrong). Streams count once, when they open.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary>
    /// Default permits per window: room for a page, clients polling runs, chats, and <c>plan --provider
    /// openai-compatible</c> batches using the served expert as their model (ten calls per plan).
    /// </summary>
    public const int DefaultPermitLimit = 600;

    public const int DefaultWindowSeconds = 60;

    /// <summary>Off only when something in front of the service already limits callers.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests one key (or one address) may make per window.</summary>
    public int PermitLimit { get; set; } = DefaultPermitLimit;

    public int WindowSeconds { get; set; } = DefaultWindowSeconds;
}
