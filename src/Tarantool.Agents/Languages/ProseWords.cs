using System.Globalization;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Languages;

/// <summary>
/// The words of a text that are prose: what remains after code, links, command-line flags, identifiers,
/// acronyms and technical terms are set aside.
/// </summary>
internal static partial class ProseWords
{
    public static IEnumerable<string> Extract(string text)
    {
        var prose = Flag().Replace(ProseText.RemoveLinks(ProseText.RemoveCode(text)), " ");
        foreach (Match token in Token().Matches(prose))
        {
            // Hyphenated words are judged part by part, so "Tarantool-кластер" keeps "кластер".
            foreach (var part in token.Value.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                var word = part.Trim(TrimmedPunctuation);
                if (word.Length > 0 && !IsIdentifier(word) && !TechnicalTerms.Contains(word))
                    yield return word;
            }
        }
    }

    private static readonly char[] TrimmedPunctuation = ['.', ':', '\'', '’', '*', '#', '_', '~', '\u2019'];

    /// <summary>Identifiers, file names, numbers with units, CamelCase names and ACRONYMS are not prose.</summary>
    private static bool IsIdentifier(string word)
    {
        if (word.Any(c => char.IsDigit(c) || (!char.IsLetter(c) && !IsPartOfWord(c))))
            return true;
        if (word.Length >= 2 && word.All(c => !char.IsLower(c)))
            return true;
        for (var i = 1; i < word.Length; i++)
        {
            if (char.IsLower(word[i - 1]) && char.IsUpper(word[i]))
                return true;
        }

        return false;
    }

    /// <summary>
    /// Apostrophes, and combining marks: a decomposed "й" ("и" + breve) is still a word, and with invariant
    /// globalization there is no normalization to compose it first.
    /// </summary>
    private static bool IsPartOfWord(char c) =>
        c is '\'' or '’' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    /// <summary>A command-line flag and, when it is a plain ASCII token, its value ("--cluster-type sharded").</summary>
    [GeneratedRegex(@"(?<!\S)--?[A-Za-z][\w-]*(?:=\S*|[ \t]+(?!-)[\x21-\x7E]+)?")]
    private static partial Regex Flag();

    [GeneratedRegex(@"[^\s,;!?()\[\]{}""«»“”„<>|—–]+")]
    private static partial Regex Token();
}
