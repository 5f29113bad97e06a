using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// The Tarantool release line asked for ("Tarantool 3.4", "tarantool 2.11", "версия 3.2").
/// </summary>
/// <remarks>
/// Descriptions of migrations name two versions ("moving from Tarantool 2.11 to 3.4"); the target is named last,
/// so the last supported version wins. "version X" without the word Tarantool may be any product's version and
/// counts only when X is a supported Tarantool line; "Tarantool X" that is not supported is reported.
/// </remarks>
internal static partial class VersionPhrases
{
    public static Candidate<string>? Read(string prose)
    {
        Candidate<string>? lastSupported = null;
        Candidate<string>? firstRejected = null;
        foreach (Match match in Mention().Matches(prose))
        {
            var candidate = ParameterRules.TarantoolVersion(match.Groups["v"].Value, FieldOrigin.DescriptionText);
            if (candidate.IsValid)
                lastSupported = candidate;
            else if (match.Groups["named"].Success)
                firstRejected ??= candidate;
        }

        return lastSupported ?? firstRejected;
    }

    [GeneratedRegex(
        @"(?<named>\btarantool)(?:\s*-\s*|\s+)(?:version\s+|верси[яиюей]\s+)?(?<v>v?\d+\.\d+(?:\.\d+)?)(?![\d.]*\d)" +
        @"|\b(?:version|верси[яиюей])\s*:?\s*(?<v>v?\d+\.\d+(?:\.\d+)?)(?![\d.]*\d)",
        Phrase.Options)]
    private static partial Regex Mention();
}
