using System.Text;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Builds the Markdown body of one guide section in the request's language: every piece of prose is given in
/// English and Russian, code and names once. Identifiers in prose go in backticks, so prose stays in one language.
/// </summary>
internal sealed class SectionText(Language language)
{
    private readonly StringBuilder _text = new();

    public Language Language { get; } = language;

    public string T(string english, string russian) => Language == Language.Ru ? russian : english;

    public SectionText P(string english, string russian) => Line(Prose(T(english, russian))).Blank();

    public SectionText P(string text) => Line(Prose(text)).Blank();

    public SectionText Sub(string english, string russian) => Line(Prose("### " + T(english, russian))).Blank();

    /// <summary>A <c>### </c> heading taken as is (alert names, exercise titles built by the caller).</summary>
    public SectionText SubRaw(string heading) => Line("### " + heading).Blank();

    public SectionText Label(string english, string russian) => Line($"**{T(english, russian)}**").Blank();

    public SectionText Bullets(IEnumerable<string> items)
    {
        var any = false;
        foreach (var item in items) { Line(Prose("- " + item)); any = true; }
        return any ? Blank() : this;
    }

    /// <summary>A numbered list; <paramref name="first"/> continues a list that a code block interrupted.</summary>
    public SectionText Steps(IEnumerable<string> items, int first = 1)
    {
        var n = first;
        foreach (var item in items) Line(Prose($"{n++}. {item}"));
        return Blank();
    }

    public SectionText Code(string language, string code) => Line("```" + language).Line(code.TrimEnd('\n')).Line("```").Blank();

    public SectionText Bash(string code) => Code("bash", code);

    public SectionText Lua(string code) => Code("lua", code);

    /// <summary>A pipe table; pipes inside cells are escaped.</summary>
    public SectionText Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", headers) + " |");
        Line("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in rows) Line(Prose("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |"));
        return Blank();
    }

    public SectionText Raw(string markdown) => Line(markdown.TrimEnd('\n')).Blank();

    public override string ToString() => _text.ToString().TrimEnd('\n') + "\n";

    /// <summary>Prose in the guide's typography: Russian takes a decimal comma (code blocks and inline code keep points).</summary>
    private string Prose(string text) => Language == Language.Ru ? Narratives.RussianText.DecimalCommas(text) : text;

    private SectionText Line(string text)
    {
        _text.Append(text).Append('\n');
        return this;
    }

    private SectionText Blank() => Line("");
}
