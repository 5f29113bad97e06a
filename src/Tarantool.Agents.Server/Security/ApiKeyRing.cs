using System.Security.Cryptography;
using System.Text;

namespace Tarantool.Agents.Server.Security;

/// <summary>
/// The accepted API keys, held as SHA-256 hashes. A presented key is hashed and compared with every accepted hash in
/// constant time, so neither the position of the first differing byte nor which key matched shows in the timing.
/// </summary>
internal sealed class ApiKeyRing
{
    public const int MinimumKeyLength = 16;

    private readonly byte[][] _hashes;

    public ApiKeyRing(IEnumerable<string> keys) => _hashes = [.. keys.Where(k => !string.IsNullOrEmpty(k)).Select(Hash)];

    public bool IsEmpty => _hashes.Length == 0;

    /// <summary>The key id of <paramref name="presented"/> when it is an accepted key; null otherwise.</summary>
    public string? Identify(string presented)
    {
        var hash = Hash(presented);
        var matched = -1;
        for (var i = 0; i < _hashes.Length; i++)
        {
            // No early exit: every key is compared whatever the outcome.
            var equal = CryptographicOperations.FixedTimeEquals(hash, _hashes[i]);
            matched = equal ? i : matched;
        }

        return matched >= 0 ? IdOf(_hashes[matched]) : null;
    }

    /// <summary>
    /// What logs and rate-limit partitions name a key by: the first 12 hex digits of its SHA-256, which an operator
    /// can compute from the key (<c>printf %s KEY | sha256sum | cut -c1-12</c>) but which does not reveal it.
    /// </summary>
    public static string KeyId(string key) => IdOf(Hash(key));

    private static string IdOf(byte[] hash) => Convert.ToHexStringLower(hash)[..12];

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
