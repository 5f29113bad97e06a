namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Holds an operations guide to the outline and to the cluster it documents: the application name, all seven
/// documents once each, and every document to <see cref="GuideDocumentChecks"/> (headings, runbooks, language,
/// instance names, tooling, data directories, backup schedule, no secrets).
/// </summary>
internal sealed class OperationsGuideValidator : IPhaseValidator<OperationsGuide>
{
    public IEnumerable<ValidationIssue> Validate(OperationsGuide output, PhaseContext context)
    {
        var issues = new List<ValidationIssue>();
        var request = context.Request;
        if (output.AppName != request.ClusterName)
            issues.Add(ValidationIssue.Error("docs.app-name",
                $"appName is '{output.AppName}' but the tt application is named after the cluster: use '{request.ClusterName}'.", "$.appName"));

        CheckDocumentSet(output, issues);

        var checks = new GuideDocumentChecks(context);
        for (var d = 0; d < output.Documents.Count; d++)
        {
            var outline = GuideOutline.Find(output.Documents[d].File);
            if (outline is not null) checks.Check(output.Documents[d], outline, $"$.documents[{d}]", issues);
        }
        return issues;
    }

    private static void CheckDocumentSet(OperationsGuide output, List<ValidationIssue> issues)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var d = 0; d < output.Documents.Count; d++)
        {
            var file = GuideOutline.NormalizeFile(output.Documents[d].File);
            if (GuideOutline.Find(file) is null)
                issues.Add(ValidationIssue.Error("docs.unknown-document",
                    $"'{output.Documents[d].File}' is not one of the guide's files ({string.Join(", ", GuideOutline.Documents.Select(o => o.File))}).", $"$.documents[{d}].file"));
            else if (!seen.Add(file))
                issues.Add(ValidationIssue.Error("docs.duplicate-document", $"{file} appears more than once; merge the two entries.", $"$.documents[{d}].file"));
        }
        foreach (var outline in GuideOutline.Documents.Where(o => !seen.Contains(o.File)))
            issues.Add(ValidationIssue.Error("docs.missing-document", $"The guide has no {outline.File}; add it with its required sections.", "$.documents"));
    }
}
