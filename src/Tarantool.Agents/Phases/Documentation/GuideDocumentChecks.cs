using System.Globalization;
using System.Text;
using Tarantool.Agents.Languages;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// The checks one guide document must pass, whether it came in the whole guide or in a call of its own: its
/// headings, a runbook per alert, prose in the request's language, only this cluster's instance names and
/// application name in commands, commands of the targeted tooling, data directories where the shared
/// <see cref="InstanceLayout"/> puts them, the backup schedule of the backup plan, no secrets.
/// </summary>
internal sealed class GuideDocumentChecks
{
    public const int MinimumExercises = 3;

    private readonly PhaseContext _context;
    private readonly ClusterRequest _request;
    private readonly CapacityPlan? _capacity;
    private readonly BackupPlan? _backup;
    private readonly bool _sharded;
    private readonly InstanceNameScanner _names;
    private readonly TarantoolTooling _tooling;
    private readonly HashSet<string> _instances;

    public GuideDocumentChecks(PhaseContext context)
    {
        _context = context;
        _request = context.Request;
        var topology = context.Get<ClusterTopology>();
        _capacity = context.Find<CapacityPlan>();
        _backup = context.Find<BackupPlan>();
        _sharded = ReplicasetRoles.IsSharded(topology);
        _names = new InstanceNameScanner(topology, _capacity);
        _tooling = ClusterTooling.Of(_request);
        _instances = topology.Replicasets.SelectMany(r => r.Instances).Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
    }

    public void Check(GuideDocument document, GuideDocumentOutline outline, string path, List<ValidationIssue> issues)
    {
        var context = _context;
        var request = _request;
        var markdown = Join(document);
        var code = MarkdownText.Code(markdown);

        CheckHeadings(document, outline, _sharded, context.Language, path, issues);
        if (LanguageDetector.Detect(markdown) != context.Language)
            issues.Add(ValidationIssue.Error("docs.language",
                $"{outline.File} is not written in {LanguageName(context.Language)}; write the prose in the request's language, keep commands and names as they are.", path));
        foreach (var unknown in _names.Unknown(markdown))
            issues.Add(ValidationIssue.Error("docs.unknown-instance",
                $"{outline.File} mentions '{unknown}', which is neither an instance/replicaset of the topology nor one a scaling step would add; use the topology's names.", path));
        foreach (var finding in SecretScanner.Find(code))
            issues.Add(ValidationIssue.Error("docs.secret-literal",
                $"{outline.File} contains a secret literal ('{finding}'); reference an environment variable or a file instead.", path));
        CheckCommands(code, request, _tooling, _names, outline.File, path, issues);
        foreach (var (found, expected) in InstanceLayout.MisplacedDataDirectories(markdown, request, request.ClusterName, _instances).Distinct())
            issues.Add(ValidationIssue.Error("docs.data-dir",
                $"{outline.File} uses {found}, but that instance keeps its data in {expected} (the layout the units, volumes, backup scripts and alerts share).", path));

        if (outline.File == GuideOutline.TroubleshootingFile) CheckRunbooks(markdown, path, issues);
        if (outline.File == GuideOutline.TrainingFile) CheckExercises(document, context.Language, path, issues);
        if (outline.File == GuideOutline.BackupRecoveryFile && _backup is not null) CheckBackup(markdown, _backup, path, issues);
        if (outline.File == GuideOutline.ScalingFile && _sharded && _capacity is { BucketCount: > 0 }
            && !markdown.Contains(_capacity.BucketCount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            issues.Add(ValidationIssue.Warning("docs.bucket-count",
                $"scaling.md does not state sharding.bucket_count ({_capacity.BucketCount}); adding shards is bounded by it.", path));
    }

    private static void CheckHeadings(GuideDocument document, GuideDocumentOutline outline, bool sharded, Language language, string path, List<ValidationIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(document.Title))
            issues.Add(ValidationIssue.Error("docs.missing-title", $"{outline.File} has no title.", path + ".title"));
        foreach (var required in outline.RequiredHeadings(sharded))
        {
            var heading = required.Heading(language);
            if (!document.Sections.Any(s => s.Heading.Trim().StartsWith(heading, StringComparison.OrdinalIgnoreCase)))
                issues.Add(ValidationIssue.Error("docs.missing-heading", $"{outline.File} has no section '{heading}'; add it.", path + ".sections"));
        }
        for (var s = 0; s < document.Sections.Count; s++)
            if (string.IsNullOrWhiteSpace(document.Sections[s].Markdown))
                issues.Add(ValidationIssue.Error("docs.empty-section", $"{outline.File}: section '{document.Sections[s].Heading}' is empty.", $"{path}.sections[{s}]"));
    }

    private static void CheckRunbooks(string markdown, string path, List<ValidationIssue> issues)
    {
        var headings = MarkdownText.Headings(markdown, 3).ToHashSet(StringComparer.Ordinal);
        foreach (var alert in AlertNames.All.Where(a => !headings.Contains(a)))
            issues.Add(ValidationIssue.Error("docs.missing-runbook",
                $"troubleshooting.md has no '### {alert}' heading; alerts link to {AlertNames.RunbookUrl(alert)}.", path));
    }

    private static void CheckExercises(GuideDocument document, Language language, string path, List<ValidationIssue> issues)
    {
        var heading = GuideOutline.Exercises.Heading(language);
        var section = document.Sections.FirstOrDefault(s => s.Heading.Trim().StartsWith(heading, StringComparison.OrdinalIgnoreCase));
        if (section is null) return;
        var exercises = SplitByHeading(section.Markdown, 3);
        if (exercises.Count < MinimumExercises)
            issues.Add(ValidationIssue.Error("docs.too-few-exercises",
                $"training.md has {exercises.Count} exercises ('### ' headings under '{heading}'); write at least {MinimumExercises}.", path));
        var (goal, steps, expected) = language == Language.Ru ? ("Цель", "Шаги", "Ожидаемый результат") : ("Goal", "Steps", "Expected result");
        foreach (var (title, body) in exercises)
            if (!Has(body, goal) || !Has(body, steps) || !Has(body, expected))
                issues.Add(ValidationIssue.Error("docs.exercise-shape",
                    $"Exercise '{title}' must state '{goal}', '{steps}' and '{expected}'.", path));
    }

    private static void CheckBackup(string markdown, BackupPlan backup, string path, List<ValidationIssue> issues)
    {
        if (!markdown.Contains(backup.FullBackupCron.Trim(), StringComparison.Ordinal))
            issues.Add(ValidationIssue.Error("docs.backup-schedule",
                $"backup-recovery.md does not give the full backup schedule of the backup plan ('{backup.FullBackupCron}').", path));
        if (!markdown.Contains(backup.RetentionDays.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            issues.Add(ValidationIssue.Warning("docs.backup-retention",
                $"backup-recovery.md does not state the retention ({backup.RetentionDays} days).", path));
    }

    private static void CheckCommands(string code, ClusterRequest request, TarantoolTooling tooling, InstanceNameScanner names, string file, string path, List<ValidationIssue> issues)
    {
        foreach (var target in TtCommandScanner.Targets(code))
        {
            if (target.App != request.ClusterName)
                issues.Add(ValidationIssue.Error("docs.command-app",
                    $"{file}: '{target.Command} {target.App}…' addresses application '{target.App}'; this cluster's application is '{request.ClusterName}'.", path));
            else if (target.Instance is { } instance && !names.IsKnownOrPlanned(instance))
                issues.Add(ValidationIssue.Error("docs.command-instance",
                    $"{file}: '{target.Command} {target.App}:{instance}' names an instance the topology does not have.", path));
        }
        if (tooling != TarantoolTooling.DeclarativeConfig
            && (code.Contains("require('config')", StringComparison.Ordinal) || code.Contains("tt cluster publish", StringComparison.Ordinal)))
            issues.Add(ValidationIssue.Error("docs.wrong-tooling",
                $"{file} uses the Tarantool 3.x config module (config:reload, tt cluster publish), but the cluster targets {request.TarantoolVersion}{(tooling == TarantoolTooling.Cartridge ? " with Cartridge" : "")}.", path));
        if (tooling != TarantoolTooling.Cartridge && code.Contains("tt cartridge", StringComparison.Ordinal))
            issues.Add(ValidationIssue.Error("docs.wrong-tooling", $"{file} uses 'tt cartridge' commands, but the cluster is not a Cartridge cluster.", path));
        if (tooling == TarantoolTooling.DeclarativeConfig && code.Contains("box.cfg{", StringComparison.Ordinal))
            issues.Add(ValidationIssue.Warning("docs.box-cfg-on-3x",
                $"{file} calls box.cfg{{}} on a 3.x cluster; settings belong in config.yaml (box.cfg changes are overwritten on config reload).", path));
    }

    private static List<(string Title, string Body)> SplitByHeading(string markdown, int level)
    {
        var prefix = new string('#', level) + " ";
        var result = new List<(string, string)>();
        string? title = null;
        var body = new StringBuilder();
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                if (title is not null) result.Add((title, body.ToString()));
                title = line[prefix.Length..].Trim();
                body.Clear();
            }
            else body.Append(line).Append('\n');
        }
        if (title is not null) result.Add((title, body.ToString()));
        return result;
    }

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string Join(GuideDocument document)
    {
        var text = new StringBuilder().Append("# ").Append(document.Title).Append('\n');
        foreach (var section in document.Sections) text.Append("## ").Append(section.Heading).Append('\n').Append(section.Markdown).Append('\n');
        return text.ToString();
    }

    private static string LanguageName(Language language) => language == Language.Ru ? "Russian" : "English";
}
