using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// How long backups are kept: "keep backups for 14 days", "backup retention 2 weeks", "хранить бэкапы 60 дней",
/// "бэкапы храним 2 недели", "14-day backup retention", "keep 7 days of backups", "хранить 14 дней бэкапов", "keep backups for a fortnight", "храним бэкапы квартал".
/// </summary>
internal static partial class RetentionPhrases
{
    /// <summary>The retention in days, and the matched span so that the workload reader does not take it for a horizon.</summary>
    public static Candidate<int>? Read(string prose, ProseNotes notes, out Match? matched)
    {
        matched = null;
        var match = Retention().Match(prose);
        if (!match.Success || !DurationUnits.TryCount(match, out var count))
            return null;

        matched = match;
        notes.Place(match);
        var days = (int)Math.Round(count * DurationUnits.Days(match.Groups["unit"].Value), MidpointRounding.AwayFromZero);
        return ParameterRules.BackupRetentionDays(days, FieldOrigin.DescriptionText);
    }

    private const string Backups = @"(?:backups?|snapshots?|бэкап\w*|бекап\w*|резервн\w*\s+коп\w*|снапшот\w*)";
    private const string Keep = @"(?:keep|keeping|kept|retain\w*|retention|stor(?:e|ed|ing)|хран\w*|держ\w*)";
    private const string Amount = DurationUnits.Amount;

    /// <summary>A few short words may sit between the parts ("keep all nightly backups for at least 14 days").</summary>
    private const string Gap = @"\W+(?:[^\W\d]+\W+){0,3}?";

    /// <summary>Prepositions between the phrase and the amount ("for", "в течение", "не менее").</summary>
    private const string Lead = @"\W+(?:(?:for|of|is|at|least|up|to|period|в|течение|на|не|менее|срок\w*)\W+){0,3}";

    [GeneratedRegex(
        @"\b(?:" + Keep + Gap + Backups + "|" + Backups + Gap + Keep + "|" + @"retention(?:\s+period)?|срок\w*\s+хранени\w*)" + Lead + Amount +
        @"|" + Amount + @"\W+(?:of\s+)?(?:backup\s+retention|хранени\w*\s+" + Backups + ")" +
        @"|\b" + Keep + @"\W+(?:(?:the|last|all|at|least|не|менее|последни\w*)\W+){0,3}" + Amount + @"\s+(?:of\s+)?" + Backups,
        Phrase.Options)]
    private static partial Regex Retention();
}
