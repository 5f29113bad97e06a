using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases;

/// <summary>A second-level heading every narrative of a phase must carry, in both languages.</summary>
public sealed record NarrativeSection(string English, string Russian)
{
    public string Heading(Language language) => language == Language.Ru ? Russian : English;
}
