using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Choosing among phrases of one field when a description mentions several.</summary>
internal static class PhraseSearch
{
    /// <summary>
    /// The value whose phrase comes first in the text: a description usually states its subject before it
    /// compares ("a staging copy of production" is a staging cluster).
    /// </summary>
    public static bool TryEarliest<T>(string text, out T value, params (Regex Phrase, T Value)[] options)
    {
        var best = int.MaxValue;
        value = default!;
        foreach (var (phrase, candidate) in options)
        {
            var match = phrase.Match(text);
            if (match.Success && match.Index < best)
            {
                best = match.Index;
                value = candidate;
            }
        }

        return best != int.MaxValue;
    }

    /// <summary>The first value, in the given order, whose phrase occurs anywhere: for "most specific wins" rules.</summary>
    public static bool TryFirstPresent<T>(string text, out T value, params (Regex Phrase, T Value)[] options)
    {
        foreach (var (phrase, candidate) in options)
        {
            if (phrase.IsMatch(text))
            {
                value = candidate;
                return true;
            }
        }

        value = default!;
        return false;
    }
}
