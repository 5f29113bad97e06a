using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Regex options shared by every phrase of the description readers.</summary>
internal static class Phrase
{
    /// <summary>Case-insensitive in both alphabets, independent of the machine's culture.</summary>
    public const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
}
