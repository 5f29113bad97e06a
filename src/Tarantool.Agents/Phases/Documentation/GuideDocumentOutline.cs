namespace Tarantool.Agents.Phases.Documentation;

/// <summary>What one document of the guide must contain: its file, its title and its required headings.</summary>
/// <param name="ShardedHeadings">Headings required only when the cluster is sharded.</param>
internal sealed record GuideDocumentOutline(
    string File,
    NarrativeSection Title,
    IReadOnlyList<NarrativeSection> Headings,
    IReadOnlyList<NarrativeSection> ShardedHeadings)
{
    public IEnumerable<NarrativeSection> RequiredHeadings(bool sharded) => sharded ? Headings.Concat(ShardedHeadings) : Headings;
}
