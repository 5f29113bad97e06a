using System.Text.Json;

namespace Tarantool.Agents.Intake;

/// <summary>The two spellings of each parameter: the CLI flag ("cluster-name") and the request field ("clusterName").</summary>
internal static class RequestFields
{
    private static readonly Dictionary<string, RequestField> ByFlagName =
        Enum.GetValues<RequestField>().ToDictionary(FlagName, StringComparer.OrdinalIgnoreCase);

    /// <summary>All flag names, in report order, for "known flags are ..." messages.</summary>
    public static IReadOnlyList<string> FlagNames { get; } = Enum.GetValues<RequestField>().Select(FlagName).ToArray();

    public static string FlagName(RequestField field) => JsonNamingPolicy.KebabCaseLower.ConvertName(field.ToString());

    /// <summary>The flag as the user types it, with its dashes.</summary>
    public static string Flag(RequestField field) => "--" + FlagName(field);

    /// <summary>The field's name in the request JSON; the targets are stored in seconds, and their names say so.</summary>
    public static string JsonName(RequestField field) => field switch
    {
        RequestField.Rpo => "rpoSeconds",
        RequestField.Rto => "rtoSeconds",
        _ => JsonNamingPolicy.CamelCase.ConvertName(field.ToString()),
    };

    public static bool TryFromFlagName(string name, out RequestField field) =>
        ByFlagName.TryGetValue(name.Trim().TrimStart('-'), out field);
}
