using System.Globalization;
using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>
/// The checks every parameter value passes, whatever its origin: allowed spellings, integer ranges, supported
/// versions and the cluster name form. Each rejection names the flag, the bad value and what is allowed.
/// </summary>
internal static partial class ParameterRules
{
    public const int MinBackupRetentionDays = 1;
    public const int MaxBackupRetentionDays = 3650;
    public const int MinShardCount = 1;
    public const int MaxShardCount = 1024;
    public const int MaxClusterNameLength = 63;

    /// <summary>
    /// Instances per replicaset, the leader included: one (no redundancy) to nine. More members only add WAL streams
    /// for the leader to feed and voters for every election; read scaling beyond that is a job for more shards.
    /// </summary>
    public const int MinReplicas = 1;

    /// <inheritdoc cref="MinReplicas"/>
    public const int MaxReplicas = 9;

    /// <summary>
    /// The name becomes directory names, Kubernetes object names (RFC 1123 labels) and YAML keys, so it is held
    /// to the strictest of the three and never rewritten behind the user's back (only surrounding spaces go).
    /// </summary>
    public static Candidate<string> ClusterName(string raw, FieldOrigin origin)
    {
        var name = raw.Trim();
        if (ClusterNameForm().IsMatch(name))
            return Candidate<string>.Ok(name);

        var problem = name.Length == 0 ? "no value was given"
            : name.Length > MaxClusterNameLength ? $"'{Shorten(name)}' is {name.Length} characters long"
            : $"'{Shorten(name)}' is not an allowed cluster name";
        return Candidate<string>.Rejected(
            $"{origin.Label(RequestField.ClusterName)}: {problem}. Use 1-{MaxClusterNameLength} lowercase Latin letters, digits " +
            "and '-', starting with a letter and not ending with '-' (for example 'orders' or 'billing-prod'): the name " +
            "becomes directory names, Kubernetes object names and YAML keys.");
    }

    /// <summary>True for names that pass <see cref="ClusterName"/>; lets the prose reader skip ordinary words.</summary>
    public static bool IsClusterName(string name) => ClusterNameForm().IsMatch(name);

    public static Candidate<TEnum> Choice<TEnum>(string raw, RequestField field, FieldOrigin origin) where TEnum : struct, Enum =>
        SeedSpellings.TryParse<TEnum>(raw, out var value)
            ? Candidate<TEnum>.Ok(value)
            : Candidate<TEnum>.Rejected(
                $"{origin.Label(field)}: {Problem(raw, "is not allowed")}; use one of {string.Join(", ", SeedSpellings.All<TEnum>())}.");

    public static Candidate<bool> Switch(string raw, RequestField field, FieldOrigin origin) =>
        bool.TryParse(raw.Trim(), out var value)
            ? Candidate<bool>.Ok(value)
            : Candidate<bool>.Rejected($"{origin.Label(field)}: {Problem(raw, "is not allowed")}; use true or false.");

    public static Candidate<int> BackupRetentionDays(string raw, FieldOrigin origin) =>
        Integer(raw, RequestField.BackupRetentionDays, origin, ClusterRequest.DefaultBackupRetentionDays, BackupRetentionDays);

    public static Candidate<int> BackupRetentionDays(long days, FieldOrigin origin) =>
        days is >= MinBackupRetentionDays and <= MaxBackupRetentionDays
            ? Candidate<int>.Ok((int)days)
            : Candidate<int>.Rejected(
                $"{origin.Label(RequestField.BackupRetentionDays)}: {days} days is out of range; keep backups for " +
                $"{MinBackupRetentionDays} to {MaxBackupRetentionDays} days (for example 30).");

    public static Candidate<int> ShardCount(string raw, FieldOrigin origin) =>
        Integer(raw, RequestField.ShardCount, origin, ClusterRequest.DefaultShardCount, ShardCount);

    public static Candidate<int> ShardCount(long count, FieldOrigin origin) =>
        count is >= MinShardCount and <= MaxShardCount
            ? Candidate<int>.Ok((int)count)
            : Candidate<int>.Rejected(
                $"{origin.Label(RequestField.ShardCount)}: {count} shards is out of range; use {MinShardCount} to {MaxShardCount} " +
                "(a sharded cluster needs at least 2).");

    public static Candidate<int> Replicas(string raw, FieldOrigin origin) =>
        Integer(raw, RequestField.Replicas, origin, 3, Replicas);

    public static Candidate<int> Replicas(long count, FieldOrigin origin) =>
        count is >= MinReplicas and <= MaxReplicas
            ? Candidate<int>.Ok((int)count)
            : Candidate<int>.Rejected(
                $"{origin.Label(RequestField.Replicas)}: {count} instances per replicaset is out of range; use {MinReplicas} to {MaxReplicas} " +
                "(the leader included: 3 is a leader and two replicas).");

    /// <summary>The longest RPO or RTO target taken: a week; anything longer is a typo, not a target.</summary>
    public const int MaxTargetSeconds = 7 * 24 * 3600;

    /// <summary>
    /// An RPO/RTO target: seconds ("90"), or a duration with units ("30s", "15m", "1h30m", "2 hours", "15 мин").
    /// Zero is allowed (zero data loss).
    /// </summary>
    public static Candidate<int> Target(string raw, RequestField field, FieldOrigin origin)
    {
        if (raw.TrimStart().StartsWith('-'))
            return Candidate<int>.Rejected($"{origin.Label(field)}: '{Shorten(raw.Trim())}' is negative; a target is 0 or more, e.g. {RequestFields.Flag(field)} 30s.");
        if (!DurationText.TryParseSeconds(raw, out var seconds))
            return Candidate<int>.Rejected(
                $"{origin.Label(field)}: {Problem(raw, "is not a duration")}; write seconds or a duration with units, " +
                $"e.g. {RequestFields.Flag(field)} 30s, 15m or 1h.");
        return Target(seconds, field, origin);
    }

    public static Candidate<int> Target(long seconds, RequestField field, FieldOrigin origin) =>
        seconds is >= 0 and <= MaxTargetSeconds
            ? Candidate<int>.Ok((int)seconds)
            : Candidate<int>.Rejected(
                $"{origin.Label(field)}: {seconds} seconds is out of range; use 0 (no loss/downtime) to {MaxTargetSeconds / 86400} days.");

    /// <summary>Accepts "3.4", "3.4.2" or "v3.4"; keeps only the release line, which is what the configuration depends on.</summary>
    public static Candidate<string> TarantoolVersion(string raw, FieldOrigin origin)
    {
        var supported = string.Join(", ", Requests.TarantoolVersion.Supported);
        if (!Requests.TarantoolVersion.TryParse(raw, out var version))
            return Candidate<string>.Rejected(
                $"{origin.Label(RequestField.TarantoolVersion)}: {Problem(raw, "is not a Tarantool version")}; use one of {supported}.");
        return version.IsSupported
            ? Candidate<string>.Ok(version.ToString())
            : Candidate<string>.Rejected(
                $"{origin.Label(RequestField.TarantoolVersion)}: Tarantool {version} is not supported; use one of {supported}.");
    }

    private static Candidate<int> Integer(
        string raw, RequestField field, FieldOrigin origin, int example, Func<long, FieldOrigin, Candidate<int>> inRange)
    {
        // Parsed as long so that "99999999999" is reported as out of range rather than as not a number.
        if (long.TryParse(raw.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return inRange(value, origin);
        return Candidate<int>.Rejected(
            $"{origin.Label(field)}: {Problem(raw, "is not a whole number")}; write digits only, e.g. {RequestFields.Flag(field)} {example}.");
    }

    /// <summary>"'mesh' is not allowed", or "no value was given" for a flag written without one.</summary>
    private static string Problem(string raw, string what) =>
        raw.Trim().Length == 0 ? "no value was given" : $"'{Shorten(raw.Trim())}' {what}";

    /// <summary>User text is echoed in messages; a pasted paragraph should not be.</summary>
    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";

    [GeneratedRegex(@"\A[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterNameForm();
}
