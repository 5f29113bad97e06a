using System.Globalization;

namespace Tarantool.Agents.Requests;

/// <summary>A Tarantool release line the product can target ("3.7", "2.11").</summary>
public readonly record struct TarantoolVersion(int Major, int Minor) : IComparable<TarantoolVersion>
{
    /// <summary>Release lines with a known configuration format, newest first.</summary>
    public static readonly IReadOnlyList<TarantoolVersion> Supported =
    [
        new(3, 7), new(3, 6), new(3, 5), new(3, 4), new(3, 3), new(3, 2), new(3, 1), new(3, 0), new(2, 11),
    ];

    /// <summary>The newest supported 3.x line.</summary>
    public static TarantoolVersion Default => Supported[0];

    public static TarantoolVersion Parse(string text) =>
        TryParse(text, out var version) ? version : throw new FormatException($"'{text}' is not a Tarantool version such as 3.7 or 2.11.");

    /// <summary>Accepts "3.7", "3.7.0" or "v3.4.2"; the patch level is ignored.</summary>
    public static bool TryParse(string? text, out TarantoolVersion version)
    {
        version = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().TrimStart('v', 'V').Split('.');
        if (parts.Length is < 2 or > 3) return false;
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            || (parts.Length == 3 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            return false;
        version = new TarantoolVersion(major, minor);
        return true;
    }

    public bool IsSupported => Supported.Contains(this);

    public int CompareTo(TarantoolVersion other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator >=(TarantoolVersion left, TarantoolVersion right) => left.CompareTo(right) >= 0;
    public static bool operator <=(TarantoolVersion left, TarantoolVersion right) => left.CompareTo(right) <= 0;
    public static bool operator >(TarantoolVersion left, TarantoolVersion right) => left.CompareTo(right) > 0;
    public static bool operator <(TarantoolVersion left, TarantoolVersion right) => left.CompareTo(right) < 0;

    public override string ToString() => $"{Major}.{Minor}";
}
