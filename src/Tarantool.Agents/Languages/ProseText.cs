using System.Text.RegularExpressions;

namespace Tarantool.Agents.Languages;

/// <summary>
/// Removes the parts of a description that are not prose: code and links. Shared by language detection and by
/// the intake, which must not read parameters out of a pasted config file or a documentation URL.
/// </summary>
internal static partial class ProseText
{
    /// <summary>Drops fenced code blocks (``` or ~~~, an unclosed fence runs to the end) and inline `code`.</summary>
    public static string RemoveCode(string text) => InlineCode().Replace(RemoveFencedCode(text), " ");

    /// <summary>Drops fenced code blocks only; inline code often names the very thing asked for (`vinyl`).</summary>
    public static string RemoveFencedCode(string text) => FencedCode().Replace(text, "\n");

    /// <summary>Drops URLs and e-mail addresses, whose host names would otherwise read as words ("aws.amazon.com").</summary>
    public static string RemoveLinks(string text) => Link().Replace(text, " ");

    [GeneratedRegex(@"(?<fence>```|~~~)[\s\S]*?(?:\k<fence>|\z)")]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`+[^`\n]*`+")]
    private static partial Regex InlineCode();

    // The look-behind anchors an address at the start of its word: without it a long run of dashes makes the
    // engine retry the local part from every position (quadratic time on pasted separators).
    [GeneratedRegex(@"\b(?:https?|ftp|s3|file)://\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
