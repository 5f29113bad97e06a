namespace Tarantool.Agents.Phases.Documentation;

/// <summary>Phase 9 (documentation): the operations guide under <c>docs/</c>.</summary>
public static class DocumentationPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection Documents = new("Documents", "Документы");
    public static readonly NarrativeSection Conventions = new("Conventions", "Соглашения");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Documents, Conventions];

    public static IPhaseOutputSpec Spec { get; } = new PhaseOutputSpec<OperationsGuide>(new OperationsGuideValidator(), new OperationsGuideRenderer(), Sections);
}
