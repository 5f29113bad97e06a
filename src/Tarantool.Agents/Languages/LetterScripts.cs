namespace Tarantool.Agents.Languages;

/// <summary>Which alphabet a letter belongs to; only the two the product writes in matter.</summary>
internal static class LetterScripts
{
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u052F';

    /// <summary>Basic Latin plus the Latin-1 and Latin Extended-A/B letters (é, ß, ł ...).</summary>
    public static bool IsLatin(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z')
        || (c is >= '\u00C0' and <= '\u024F' && c != '\u00D7' && c != '\u00F7');
}
