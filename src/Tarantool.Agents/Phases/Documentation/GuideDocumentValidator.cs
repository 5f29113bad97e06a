namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Holds one guide document, written by a call of its own, to its place in the outline and to
/// <see cref="GuideDocumentChecks"/>: the same checks the whole guide's validator makes of it.
/// </summary>
internal sealed class GuideDocumentValidator(GuideDocumentOutline outline) : IPhaseValidator<GuideDocument>
{
    public IEnumerable<ValidationIssue> Validate(GuideDocument output, PhaseContext context)
    {
        var issues = new List<ValidationIssue>();
        if (!string.Equals(GuideOutline.NormalizeFile(output.File), outline.File, StringComparison.OrdinalIgnoreCase))
            issues.Add(ValidationIssue.Error("docs.part-file", $"This answer is {outline.File}, but its file is '{output.File}'; set file to '{outline.File}'.", "$.output.file"));
        new GuideDocumentChecks(context).Check(output, outline, "$.output", issues);
        return issues;
    }
}
