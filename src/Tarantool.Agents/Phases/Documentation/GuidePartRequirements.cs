using System.Globalization;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Monitoring;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// States, for a document's own prompt, what <see cref="GuideDocumentChecks"/> will demand of it for this request, so
/// a model can meet the checks in its first answer instead of learning them from a rejection.
/// </summary>
internal static class GuidePartRequirements
{
    public static IReadOnlyList<string> For(GuideDocumentOutline outline, PhaseContext context)
    {
        var language = context.Language;
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var sharded = ReplicasetRoles.IsSharded(topology);
        var languageName = language == Language.Ru ? "Russian" : "English";
        var app = request.ClusterName;
        var lines = new List<string>
        {
            $"\"file\" is \"{outline.File}\"; \"title\" is the document's title in {languageName} (for example \"{outline.Title.Heading(language)}\").",
            $"\"sections\" holds a section whose heading begins with each of: {string.Join("; ", outline.RequiredHeadings(sharded).Select(h => $"\"{h.Heading(language)}\""))}. No section is empty.",
            $"The prose is in {languageName}; commands, names, config keys and metric names stay as they are.",
            $"tt commands address the application \"{app}\" (`tt status {app}`, `tt connect {app}:<instance>`), and instances and replicasets are named as in the topology: " +
                $"{string.Join(", ", topology.Replicasets.SelectMany(r => r.Instances.Select(i => i.Name).Prepend(r.Name)))} (or the next names a scaling step adds).",
            Tooling(ClusterTooling.Of(request), request),
            "Data directories are the ones the configuration and the unit files or volumes use (the backup scripts and alerts share them).",
            "No password, token or key appears in code: reference an environment variable or a file.",
        };

        if (outline.File == GuideOutline.TroubleshootingFile)
            lines.Add($"Under \"{GuideOutline.Alerts.Heading(language)}\", one '### ' runbook per alert, its heading exactly the alert name: {string.Join(", ", AlertNames.All)}.");
        if (outline.File == GuideOutline.TrainingFile)
        {
            var (goal, steps, expected) = language == Language.Ru ? ("Цель", "Шаги", "Ожидаемый результат") : ("Goal", "Steps", "Expected result");
            lines.Add($"Under \"{GuideOutline.Exercises.Heading(language)}\", at least {GuideDocumentChecks.MinimumExercises} exercises, each a '### ' heading followed by text that states \"{goal}\", \"{steps}\" and \"{expected}\".");
        }
        if (outline.File == GuideOutline.BackupRecoveryFile && context.Find<BackupPlan>() is { } backup)
            lines.Add($"It gives the full backup schedule `{backup.FullBackupCron.Trim()}` as written and the retention ({backup.RetentionDays.ToString(CultureInfo.InvariantCulture)} days).");
        if (outline.File == GuideOutline.ScalingFile && sharded && context.Find<CapacityPlan>() is { BucketCount: > 0 } capacity)
            lines.Add($"It states sharding.bucket_count ({capacity.BucketCount.ToString(CultureInfo.InvariantCulture)}), which bounds adding shards.");
        return lines;
    }

    private static string Tooling(TarantoolTooling tooling, ClusterRequest request) => tooling switch
    {
        TarantoolTooling.DeclarativeConfig => $"Commands are those of Tarantool {request.TarantoolVersion} with the declarative config.yaml (tt, config:reload()); settings belong in config.yaml, not in box.cfg{{}} calls.",
        TarantoolTooling.Cartridge => $"Commands are those of Cartridge on Tarantool {request.TarantoolVersion} (tt cartridge ...); no 3.x config module (require('config'), tt cluster publish).",
        _ => $"Commands are those of Tarantool {request.TarantoolVersion} with box.cfg in per-instance Lua files started by tt; no 3.x config module (require('config'), tt cluster publish) and no tt cartridge.",
    };
}
