using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>Collects the sections of one guide document under the outline's file name and title.</summary>
internal sealed class GuideDocumentBuilder(string file, Language language)
{
    private readonly List<GuideSection> _sections = [];

    public GuideDocumentBuilder Section(NarrativeSection heading, Action<SectionText> write)
    {
        var text = new SectionText(language);
        write(text);
        _sections.Add(new GuideSection(heading.Heading(language), text.ToString()));
        return this;
    }

    public GuideDocument Build()
    {
        var outline = GuideOutline.Find(file) ?? throw new InvalidOperationException($"{file} is not in the guide outline.");
        return new GuideDocument(outline.File, outline.Title.Heading(language), _sections);
    }
}
