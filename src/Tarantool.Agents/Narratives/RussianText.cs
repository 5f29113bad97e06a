using System.Text.RegularExpressions;

namespace Tarantool.Agents.Narratives;

/// <summary>
/// Russian typography for prose: a decimal comma ("1,5 ×", "31,1 ГБ"), as a Russian reader expects. Applied by the
/// narrative and guide builders to Russian prose only; code blocks, inline code and names keep their points, and so
/// do versions ("Tarantool 3.7", "tarantool/tarantool:3.7.1", "3.7 → 3.8"), addresses and dotted identifiers.
/// </summary>
public static partial class RussianText
{
    /// <summary>Replaces the decimal point of every number in <paramref name="prose"/> outside inline code.</summary>
    public static string DecimalCommas(string prose)
    {
        if (prose.IndexOf('.') < 0) return prose;
        // Inline code is split out (odd pieces) and left alone.
        var pieces = prose.Split('`');
        for (var i = 0; i < pieces.Length; i += 2) pieces[i] = Decimal().Replace(pieces[i], m => IsVersion(pieces[i], m) ? m.Value : $"{m.Groups[1].Value},{m.Groups[2].Value}");
        return string.Join('`', pieces);
    }

    /// <summary>A version, not a quantity: after a product name or "версии", or on either side of an upgrade arrow.</summary>
    private static bool IsVersion(string text, Match number) =>
        VersionBefore().IsMatch(text[..number.Index]) || text[(number.Index + number.Length)..].StartsWith(" →", StringComparison.Ordinal)
        || text[..number.Index].EndsWith("→ ", StringComparison.Ordinal);

    /// <summary>A number with a fractional part that is not part of a longer dotted token (addresses, versions like
    /// 3.7.1, file names, identifiers).</summary>
    [GeneratedRegex(@"(?<![\w.:/@\-])(\d+)\.(\d+)(?![\w.]*\.\d|[\w])")]
    private static partial Regex Decimal();

    [GeneratedRegex(@"(?:Tarantool|tarantool|tt|Cartridge|cartridge|vshard|metrics|версии|версия|версию|версий|version)\s+(?:\S+\s+)?$")]
    private static partial Regex VersionBefore();
}
