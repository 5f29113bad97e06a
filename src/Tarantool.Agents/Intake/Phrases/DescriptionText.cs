using System.Text;
using Tarantool.Agents.Languages;

namespace Tarantool.Agents.Intake.Phrases;

/// <summary>Prepares a description for reading: one spelling per character, no code blocks, no links.</summary>
internal static class DescriptionText
{
    /// <summary>
    /// Folds characters that people type interchangeably: "ё" and "е", no-break and thin spaces, the Unicode
    /// hyphens and quotes, and the decomposed "й"/"ё" some keyboards and macOS file names produce (the product
    /// runs with invariant globalization, where <see cref="string.Normalize()"/> leaves Cyrillic untouched).
    /// </summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text)
            .Replace("и\u0306", "й").Replace("И\u0306", "Й").Replace("е\u0308", "е").Replace("Е\u0308", "Е");
        for (var i = 0; i < builder.Length; i++)
        {
            builder[i] = builder[i] switch
            {
                'ё' => 'е',
                'Ё' => 'Е',
                '\u00A0' or '\u2007' or '\u2009' or '\u202F' or '\t' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2212' => '-',
                '\u2018' or '\u2019' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                var c => c,
            };
        }

        return builder.ToString();
    }

    /// <summary>
    /// The prose to read parameters from: a pasted config or shell session says what exists, not what is asked
    /// for, and a link's host name ("aws.amazon.com") is not a choice of cloud.
    /// </summary>
    public static string Prose(string normalized) => ProseText.RemoveLinks(ProseText.RemoveFencedCode(normalized));

    /// <summary>Replaces a span by spaces, so a phrase already understood is not read a second time.</summary>
    public static string Blank(string text, int index, int length) =>
        string.Concat(text.AsSpan(0, index), new string(' ', length), text.AsSpan(index + length));
}
