using System.Security.Cryptography;
using System.Text;

namespace Tarantool.Agents.ClusterConfig;

/// <summary>
/// Derives a UUID from an instance or replicaset name the way Tarantool 3's config module does
/// (<c>uuid_from_name</c>: the SHA-1 of the name laid out as a UUID), so a 2.11 box.cfg bundle and a later 3.x
/// migration agree on identities without storing random UUIDs.
/// </summary>
public static class NameUuid
{
    public static string From(string name)
    {
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(name)));
        return $"{sha[..8]}-{sha[8..12]}-{sha[12..16]}-00{sha[16..18]}-{sha[18..30]}";
    }
}
