using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Server.Runs;

/// <summary>Run ids: 128 random bits, URL-safe, so knowing one run's id tells nothing about another's.</summary>
internal static partial class RunIds
{
    public static string New() => "run_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when the text has the shape of a run id (checked before any lookup or path is built from it).</summary>
    public static bool IsWellFormed(string? id) => id is not null && Shape().IsMatch(id);

    [GeneratedRegex("^run_[A-Za-z0-9_-]{22}$")]
    private static partial Regex Shape();
}
