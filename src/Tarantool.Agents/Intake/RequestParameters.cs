using System.Text;
using System.Text.RegularExpressions;

namespace Tarantool.Agents.Intake;

/// <summary>
/// The request's keys as batch files, the runs API and MCP spell them (kebab-case, as the CLI flags), and the checks
/// that come before intake: known keys, a description of sane size and plain text, a known language. Kept in one place
/// so that every way in says the same thing about a bad field.
/// </summary>
public static partial class RequestParameters
{
    /// <summary>The description key.</summary>
    public const string Description = "description";

    /// <summary>The narrative language key: <c>auto</c>, <c>en</c> or <c>ru</c>.</summary>
    public const string Language = "language";

    /// <summary>A description is prose; anything larger is a mistake (or an attack), not a request.</summary>
    public const int MaxDescriptionBytes = 1024 * 1024;

    /// <summary>The parameter keys (the CLI flags without dashes), in the order people read them.</summary>
    public static IReadOnlyList<string> Names { get; } = RequestFields.FlagNames;

    private static readonly HashSet<string> Known = new(RequestFields.FlagNames, StringComparer.Ordinal);

    /// <summary>True for a parameter key such as <c>cluster-name</c> (not description or language).</summary>
    public static bool IsParameter(string key) => Known.Contains(key);

    /// <summary>"unknown key 'x'; known keys: ..." with <paramref name="extra"/> keys appended (description, language ...).</summary>
    public static string UnknownKey(string key, params string[] extra) =>
        $"unknown key '{key}'; known keys: {string.Join(", ", Names.Order(StringComparer.Ordinal).Concat(extra))}.";

    /// <summary>What is wrong with a description (too large, binary or control characters), or null when it is prose.</summary>
    public static string? DescriptionProblem(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (Encoding.UTF8.GetByteCount(description) > MaxDescriptionBytes)
            return $"the description is larger than {MaxDescriptionBytes / 1024} KiB; a description is prose, not data.";
        if (description.Any(c => c == '\0' || (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))))
            return "the description contains binary or control characters; give plain text.";
        return null;
    }

    /// <summary>What is wrong with a language value, or null for auto, en, ru (or none).</summary>
    public static string? LanguageProblem(string? language) =>
        language is null || language.Trim().ToLowerInvariant() is "" or "auto" or "en" or "ru"
            ? null
            : $"'{language}' is not allowed; use auto, en or ru.";

    /// <summary>
    /// The parameter an intake error is about (<c>--shard-count: ...</c> gives <c>shard-count</c>), or
    /// <see cref="Description"/> when the error is about the description's text or no parameter is named.
    /// </summary>
    public static string FieldOf(string intakeError)
    {
        ArgumentNullException.ThrowIfNull(intakeError);
        // "--shard-count: ..." (a given value) and "--cluster-name is required" (a missing one) name a parameter;
        // "--shard-count (read from the description): ..." is about the description's text.
        var match = LeadingFlag().Match(intakeError);
        return match.Success && (Known.Contains(match.Groups[1].Value) || match.Groups[1].Value == Language)
            ? match.Groups[1].Value
            : Description;
    }

    [GeneratedRegex(@"^--([a-z-]+)(?::| is required)")]
    private static partial Regex LeadingFlag();
}
