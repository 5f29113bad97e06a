using System.Globalization;

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
}
