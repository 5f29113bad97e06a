using System.Text;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Writes each guide document to <c>docs/&lt;file&gt;</c> as Markdown, in the outline's order.</summary>
internal sealed class OperationsGuideRenderer : IArtifactRenderer<OperationsGuide>
{
    public const string Kind = "documentation";

    public IEnumerable<BundleFile> Render(OperationsGuide output, PhaseContext context)
    {
        var order = GuideOutline.Documents.Select(o => o.File).ToList();
        return output.Documents
            .Where(d => GuideOutline.Find(d.File) is not null)
            .GroupBy(d => GuideOutline.NormalizeFile(d.File).ToLowerInvariant())
            .Select(g => g.First())
            .OrderBy(d => order.IndexOf(GuideOutline.NormalizeFile(d.File).ToLowerInvariant()))
            .Select(d => new BundleFile($"{GuideOutline.Folder}/{GuideOutline.NormalizeFile(d.File).ToLowerInvariant()}", Kind, ToMarkdown(d)));
    }

    internal static string ToMarkdown(GuideDocument document)
    {
        var text = new StringBuilder();
        text.Append("# ").Append(document.Title.Trim()).Append("\n\n");
        foreach (var section in document.Sections)
        {
            text.Append("## ").Append(section.Heading.Trim()).Append("\n\n");
            text.Append(section.Markdown.Replace("\r\n", "\n").Trim('\n')).Append("\n\n");
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }
}
