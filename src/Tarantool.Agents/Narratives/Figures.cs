using System.Globalization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Narratives;

/// <summary>Culture-invariant formatting of figures, so narratives and artifacts are byte-stable everywhere.</summary>
public static class Figures
{
    private const double Gib = 1024d * 1024 * 1024;
    private const double Mib = 1024d * 1024;

    public static string Number(double value, int decimals = 1) =>
        Math.Round(value, decimals).ToString("0." + new string('#', Math.Max(decimals, 0)), CultureInfo.InvariantCulture);

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Bytes as "12.5 GiB" or "512 MiB".</summary>
    public static string Bytes(long bytes) =>
        bytes >= Gib ? $"{Number(bytes / Gib, 2)} GiB" : $"{Number(bytes / Mib, 0)} MiB";

    public static string Gb(double gb) => $"{Number(gb, 1)} GB";

    /// <summary>A number as the narrative's language writes it: "1.5" in English, "1,5" in Russian prose (code,
    /// config and commands keep the point).</summary>
    public static string Number(double value, int decimals, Language language) =>
        language == Language.Ru ? DecimalComma(Number(value, decimals)) : Number(value, decimals);

    /// <summary>Bytes as "12.5 GiB" in English, "12,5 ГиБ" in Russian prose.</summary>
    public static string Bytes(long bytes, Language language) =>
        language == Language.Ru ? DecimalComma(Bytes(bytes)).Replace("GiB", "ГиБ", StringComparison.Ordinal).Replace("MiB", "МиБ", StringComparison.Ordinal) : Bytes(bytes);

    /// <summary>Gigabytes as "12.5 GB" in English, "12,5 ГБ" in Russian prose.</summary>
    public static string Gb(double gb, Language language) => language == Language.Ru ? $"{DecimalComma(Number(gb, 1))} ГБ" : Gb(gb);

    private static string DecimalComma(string invariant) => invariant.Replace('.', ',');
}
