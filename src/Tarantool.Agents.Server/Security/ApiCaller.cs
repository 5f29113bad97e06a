using System.Net;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// Who made a request to a protected path, decided before the rate limiter so that it can count per key. Stored as
/// a request feature; the request log names the caller by <see cref="KeyId"/>, never by the key.
/// </summary>
internal sealed record ApiCaller(ApiCallerKind Kind, string? KeyId, string Partition)
{
    /// <summary>How the request log describes the caller.</summary>
    public string Description => Kind switch
    {
        ApiCallerKind.Key => "key " + KeyId,
        ApiCallerKind.Anonymous => "anonymous",
        ApiCallerKind.MissingKey => "no key",
        _ => "wrong key",
    };

    public static ApiCaller WithKey(string keyId) => new(ApiCallerKind.Key, keyId, "key:" + keyId);

    /// <summary>Callers without a valid key share their address's budget, so guessing keys is limited too.</summary>
    public static ApiCaller ByAddress(ApiCallerKind kind, IPAddress? address) => new(kind, null, "ip:" + (address?.ToString() ?? "unknown"));
}
