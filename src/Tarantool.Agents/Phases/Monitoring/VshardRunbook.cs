using System.Text;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Monitoring;

/// <summary>
/// The troubleshooting guide's vshard section, which the vshard alerts link to: one heading in each language, so the
/// guide writer and the alert rules cannot drift apart.
/// </summary>
public static class VshardRunbook
{
    public const string HeadingEn = "vshard buckets stuck in sending, receiving or garbage";
    public const string HeadingRu = "Бакеты vshard застряли в sending, receiving или garbage";

    public static string Heading(Language language) => language == Language.Ru ? HeadingRu : HeadingEn;

    public static string Url(Language language) => "docs/troubleshooting.md#" + Slug(Heading(language));

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped, spaces as hyphens.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }
        return slug.ToString();
    }
}
