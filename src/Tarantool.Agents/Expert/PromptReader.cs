using System.Text.RegularExpressions;

namespace Tarantool.Agents.Expert;

/// <summary>Finds the data blocks and the phase marker in a rendered phase prompt, as a model would read them.</summary>
internal static partial class PromptReader
{
    public static string? Block(string prompt, string tag)
    {
        var match = BlockPattern().Matches(prompt).FirstOrDefault(m => m.Groups["tag"].Value == tag);
        return match?.Groups["body"].Value.Trim();
    }

    public static string? OutputName(string prompt) => PhaseMarker().Match(prompt) is { Success: true } m ? m.Groups["output"].Value : null;

    /// <summary>The part a split phase's part prompt asks for (<c>part="setup"</c> in the phase marker), or null.</summary>
    public static string? PartKey(string prompt) => PartMarker().Match(prompt) is { Success: true } m ? m.Groups["part"].Value : null;

    [GeneratedRegex(@"<(?<tag>request|inputs|parts)>\s*(?<body>.*?)\s*</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"<phase\b[^>]*\bpart=""(?<part>[a-z0-9-]+)""")]
    private static partial Regex PartMarker();

    [GeneratedRegex(@"<phase\b[^>]*\boutput=""(?<output>[A-Za-z]+)""")]
    private static partial Regex PhaseMarker();
}
