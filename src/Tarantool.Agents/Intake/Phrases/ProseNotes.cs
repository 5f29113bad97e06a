using System.Globalization;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>
/// What the prose readers learn besides values: which spans of the text they placed in a field, and warnings
/// about what they could not use as written (two different values for one figure, a value outside a sane range).
/// Warnings are in English, like intake's errors, and quote the user's own words.
/// </summary>
internal sealed class ProseNotes
{
    private readonly List<(int Start, int End)> _placed = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>The spans placed so far (start inclusive, end exclusive), in the order they were placed.</summary>
    public IReadOnlyList<(int Start, int End)> Placed => _placed;

    /// <summary>Marks a span as understood, so the scan for unplaced figures leaves it alone.</summary>
    public void Place(Capture span) => Place(span.Index, span.Length);

    public void Place(int index, int length)
    {
        if (length > 0)
            _placed.Add((index, index + length));
    }

    public bool IsPlaced(int index, int length) => _placed.Any(p => index < p.End && p.Start < index + length);

    public void Warn(string message)
    {
        if (!_warnings.Contains(message))
            _warnings.Add(message);
    }

    /// <summary>
    /// Keeps the first of several stated values and warns when they differ: "40k reads/s" and later "60k reads/s"
    /// are two answers to one question, and the user should know which one the plan uses.
    /// </summary>
    public T? First<T>(string what, IReadOnlyList<(T Value, string Quote)> found, Func<T, string> show) where T : struct
    {
        if (found.Count == 0)
            return null;
        var distinct = found.DistinctBy(f => f.Value).ToList();
        if (distinct.Count > 1)
        {
            Warn($"The description gives {distinct.Count} different {what}: {string.Join(", ", distinct.Select(d => $"'{d.Quote}'"))}; " +
                 $"intake used the first ({show(distinct[0].Value)}). Keep only the one you mean.");
        }

        return found[0].Value;
    }

    /// <summary>The user's words for a warning: trimmed, on one line, and never a whole pasted paragraph.</summary>
    public static string Quote(string text)
    {
        var line = Regex.Replace(text.Trim(), @"\s+", " ");
        return line.Length <= 60 ? line : line[..57] + "...";
    }

    public static string Number(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
