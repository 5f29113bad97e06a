namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Phase 9 (documentation): the operations guide under <c>docs/</c>. Its seven documents together are larger than
/// a model such as gpt-4o may write in one answer, so each is asked in a call of its own (a part, keyed by its file
/// name without <c>.md</c>), and the frame (application name and narrative) after them.
/// </summary>
public static class DocumentationPhase
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");
    public static readonly NarrativeSection Documents = new("Documents", "Документы");
    public static readonly NarrativeSection Conventions = new("Conventions", "Соглашения");

    public static IReadOnlyList<NarrativeSection> Sections { get; } = [Summary, Documents, Conventions];

    public static IPhaseOutputSpec Spec { get; } = new SplitOutputSpec<OperationsGuide, OperationsGuideFrame, GuideDocument>(
        new PhaseOutputSpec<OperationsGuide>(new OperationsGuideValidator(), new OperationsGuideRenderer(), Sections),
        new PhaseOutputSpec<OperationsGuideFrame>(new FrameChecks<OperationsGuideFrame>(), null, Sections),
        [.. GuideOutline.Documents.Select(outline => (IPhasePartSpec)new PhasePartSpec<GuideDocument>(
            PartKey(outline.File), new GuideDocumentValidator(outline), context => GuidePartRequirements.For(outline, context)))],
        (frame, documents) => new OperationsGuide { AppName = frame.AppName, Documents = documents },
        documents => documents.Select(GuideDocumentDigest.Of).ToList());

    /// <summary>The part that writes <paramref name="file"/>: <c>backup-recovery</c> for <c>backup-recovery.md</c>.</summary>
    public static string PartKey(string file) => Path.GetFileNameWithoutExtension(file);
}
