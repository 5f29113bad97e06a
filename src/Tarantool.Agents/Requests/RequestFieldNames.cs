using System.Collections.Frozen;

namespace Tarantool.Agents.Requests;

/// <summary>
/// How <see cref="CarriedFields"/> are spelled where people and JSON see them: the seed's kebab-case names in a
/// prompt file's <c>request:</c> list (the flags' names, without the dashes), and the camelCase properties of the
/// request block a prompt carries.
/// </summary>
public static class RequestFieldNames
{
    private static readonly (CarriedFields Field, string Name, string[] JsonProperties)[] Table =
    [
        (CarriedFields.ClusterName, "cluster-name", ["clusterName"]),
        (CarriedFields.ClusterType, "cluster-type", ["clusterType"]),
        (CarriedFields.Environment, "environment", ["environment"]),
        (CarriedFields.CloudProvider, "cloud-provider", ["cloudProvider"]),
        (CarriedFields.HaStrategy, "ha-strategy", ["haStrategy"]),
        (CarriedFields.BackupRetentionDays, "backup-retention-days", ["backupRetentionDays"]),
        (CarriedFields.EnableSharding, "enable-sharding", ["enableSharding"]),
        (CarriedFields.ReplicationMode, "replication-mode", ["replicationMode"]),
        (CarriedFields.ShardCount, "shard-count", ["shardCount", "shardCountIsDefault"]),
        (CarriedFields.Replicas, "replicas", ["replicas"]),
        (CarriedFields.TarantoolVersion, "tarantool-version", ["tarantoolVersion"]),
        (CarriedFields.Edition, "edition", ["edition"]),
        (CarriedFields.Deployment, "deployment", ["deployment"]),
        (CarriedFields.Rpo, "rpo", ["rpoSeconds"]),
        (CarriedFields.Rto, "rto", ["rtoSeconds"]),
        (CarriedFields.Workload, "workload", ["workload"]),
        (CarriedFields.Description, "description", ["description"]),
    ];

    private static readonly FrozenDictionary<string, CarriedFields> ByName =
        Table.ToFrozenDictionary(t => t.Name, t => t.Field, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CarriedFields> ByJsonProperty =
        Table.SelectMany(t => t.JsonProperties.Select(p => (p, t.Field))).ToFrozenDictionary(x => x.p, x => x.Field, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name a prompt file may list, in the request's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Table.Select(t => t.Name)];

    /// <summary>The field a prompt file's name stands for, or null when there is no such field.</summary>
    public static CarriedFields? Parse(string name) => ByName.TryGetValue(name, out var field) ? field : null;

    /// <summary>The name of one field, as a prompt file spells it.</summary>
    public static string NameOf(CarriedFields field) =>
        Table.FirstOrDefault(t => t.Field == field).Name ?? throw new ArgumentOutOfRangeException(nameof(field), field, "Not a single request field.");

    /// <summary>The names of every field in <paramref name="fields"/>, in the request's order.</summary>
    public static IEnumerable<string> NamesOf(CarriedFields fields) => Table.Where(t => (fields & t.Field) != 0).Select(t => t.Name);

    /// <summary>The field a request block's JSON property belongs to, or null for a property no field owns.</summary>
    public static CarriedFields? OfJsonProperty(string property) => ByJsonProperty.TryGetValue(property, out var field) ? field : null;

    /// <summary>The JSON properties of every field in <paramref name="fields"/>.</summary>
    public static IEnumerable<string> JsonPropertiesOf(CarriedFields fields) => Table.Where(t => (fields & t.Field) != 0).SelectMany(t => t.JsonProperties);
}
