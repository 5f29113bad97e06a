using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Languages;

/// <summary>
/// Tells whether a description is written in Russian or English, judging by the user's own prose only.
/// </summary>
/// <remarks>
/// Engineers writing in Russian still type Tarantool, vshard, memtx, Kubernetes, flags and code in Latin letters,
/// so counting raw letters would call most Russian descriptions English. Code, URLs, flags, identifiers and
/// technical terms are therefore set aside first, and the remaining words are weighed by their letters.
/// </remarks>
public static class LanguageDetector
{
    /// <summary>
    /// Returns <see cref="Language.Ru"/> when the prose has more Cyrillic than Latin letters; otherwise (including
    /// a tie or no prose at all) <see cref="Language.En"/>.
    /// </summary>
    public static Language Detect(string text)
    {
        var cyrillic = 0;
        var latin = 0;
        foreach (var word in ProseWords.Extract(text ?? ""))
        {
            foreach (var letter in word)
            {
                if (LetterScripts.IsCyrillic(letter)) cyrillic++;
                else if (LetterScripts.IsLatin(letter)) latin++;
            }
        }

        return cyrillic > latin ? Language.Ru : Language.En;
    }
}
