using System.Globalization;
using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>Figures the guide repeats, formatted once and in the guide's language.</summary>
internal static class GuideFigures
{
    public static string Gb(double gb, Language language) => language == Language.Ru ? $"{DecimalComma(Figures.Number(gb, 1))} ГБ" : Figures.Gb(gb);

    public static string Bytes(long bytes, Language language) =>
        language == Language.Ru ? DecimalComma(Figures.Bytes(bytes)).Replace("GiB", "ГиБ").Replace("MiB", "МиБ").Replace("KiB", "КиБ") : Figures.Bytes(bytes);

    public static string Seconds(double seconds, Language language) =>
        language == Language.Ru ? $"{DecimalComma(seconds.ToString("0.##", CultureInfo.InvariantCulture))} с" : $"{seconds.ToString("0.##", CultureInfo.InvariantCulture)} s";

    /// <summary>A number in Russian prose: "212,5", not "212.5" (figures in code and config keep the point).</summary>
    public static string Number(double value, int decimals, Language language) =>
        language == Language.Ru ? DecimalComma(Figures.Number(value, decimals)) : Figures.Number(value, decimals);

    private static string DecimalComma(string invariant) => invariant.Replace('.', ',');

    /// <summary>The Russian noun form for a count: 1 день, 2 дня, 5 дней, 21 день.</summary>
    public static string RuPlural(int n, string one, string few, string many)
    {
        var tens = n % 100;
        var units = n % 10;
        if (tens is >= 11 and <= 14) return many;
        return units switch { 1 => one, >= 2 and <= 4 => few, _ => many };
    }

    /// <summary>"30 days" / "30 дней".</summary>
    public static string Days(int n, Language language) =>
        language == Language.Ru ? $"{n} {RuPlural(n, "день", "дня", "дней")}" : $"{n} {(n == 1 ? "day" : "days")}";

    /// <summary>The cloud as people write it.</summary>
    public static string Cloud(CloudProvider cloud) => cloud switch
    {
        CloudProvider.Aws => "AWS",
        CloudProvider.Gcp => "GCP",
        CloudProvider.Azure => "Azure",
        CloudProvider.Kubernetes => "Kubernetes",
        _ => "on-premises",
    };

    /// <summary>The election timeout ("4 s"), or a dash without election.</summary>
    public static string ElectionTimeout(ClusterProfile cluster) =>
        cluster.Topology.Election is { } e ? Seconds(e.TimeoutSeconds, cluster.Language) : "—";
}
