using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Narratives;

/// <summary>
/// Builds a Markdown narrative in one language. Every piece of prose is given in English and Russian and the
/// builder keeps the one the request asked for; code, config keys and commands are written once.
/// </summary>
public sealed class NarrativeBuilder
{
    private readonly StringBuilder _text = new();

    public NarrativeBuilder(Language language) => Language = language;

    public Language Language { get; }

    /// <summary>Picks the text of the narrative's language.</summary>
    public string T(string english, string russian) => Language == Language.Ru ? russian : english;

    public NarrativeBuilder Title(string english, string russian) => Line(Prose($"# {T(english, russian)}")).Blank();

    public NarrativeBuilder Section(NarrativeSection section) => Line($"## {section.Heading(Language)}").Blank();

    public NarrativeBuilder Subsection(string english, string russian) => Line(Prose($"### {T(english, russian)}")).Blank();

    public NarrativeBuilder Paragraph(string english, string russian) => Paragraph(T(english, russian));

    public NarrativeBuilder Paragraph(string text) => Line(Prose(text)).Blank();

    public NarrativeBuilder Bullets(IEnumerable<string> items)
    {
        foreach (var item in items) Line(Prose($"- {item}"));
        return Blank();
    }

    public NarrativeBuilder Numbered(IEnumerable<string> items)
    {
        var n = 1;
        foreach (var item in items) Line(Prose($"{n++}. {item}"));
        return Blank();
    }

    /// <summary>A pipe table; cells must not contain '|'.</summary>
    public NarrativeBuilder Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        Line("| " + string.Join(" | ", headers) + " |");
        Line("|" + string.Concat(headers.Select(_ => " --- |")));
        foreach (var row in rows) Line(Prose("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|"))) + " |"));
        return Blank();
    }

    public NarrativeBuilder Code(string language, string code) => Line($"```{language}").Line(code.TrimEnd('\n')).Line("```").Blank();

    public override string ToString() => _text.ToString().TrimEnd('\n') + "\n";

    /// <summary>Prose in the narrative's typography: Russian takes a decimal comma (code is written by <see cref="Code"/>, untouched).</summary>
    private string Prose(string text) => Language == Language.Ru ? RussianText.DecimalCommas(text) : text;

    private NarrativeBuilder Line(string text)
    {
        _text.Append(text).Append('\n');
        return this;
    }

    private NarrativeBuilder Blank() => Line("");
}
