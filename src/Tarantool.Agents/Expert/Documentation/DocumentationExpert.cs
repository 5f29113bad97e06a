using System.Text.Json;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Phase 9 expert (docs-architect): writes the operations guide of THIS cluster — its instance names, hosts, ports,
/// failover mode, backup schedule and capacity figures — as an experienced Tarantool operator would, with the commands
/// of its tooling (tt + config.yaml on 3.x, box.cfg on 2.11, tt cartridge on Cartridge) and deployment form. It
/// answers the whole guide in one answer, or, when the phase is asked in parts, one document per part and the frame
/// (application name and narrative) from the documents' digest.
/// </summary>
internal sealed class DocumentationExpert : PhaseExpert<OperationsGuide>, ISplitPhaseExpert
{
    /// <summary>One writer per document, keyed by its part (<see cref="DocumentationPhase.PartKey"/>), in the outline's order.</summary>
    private static readonly IReadOnlyList<(string Part, Func<ClusterProfile, GuideDocument> Write)> Writers =
    [
        (DocumentationPhase.PartKey(GuideOutline.SetupFile), c => new SetupGuideWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.OperationsFile), c => new OperationsProceduresWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.TroubleshootingFile), c => new TroubleshootingGuideWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.BackupRecoveryFile), c => new BackupRecoveryGuideWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.ScalingFile), c => new ScalingGuideWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.MonitoringFile), c => new MonitoringGuideWriter(c).Write()),
        (DocumentationPhase.PartKey(GuideOutline.TrainingFile), c => new TrainingGuideWriter(c).Write()),
    ];

    public override OperationsGuide Design(PhaseContext context)
    {
        var cluster = ClusterProfile.From(context);
        return new OperationsGuide { AppName = cluster.App, Documents = [.. Writers.Select(w => w.Write(cluster))] };
    }

    public override string Narrate(OperationsGuide output, PhaseContext context) =>
        new DocumentationNarrator(ClusterProfile.From(context), output.AppName, [.. output.Documents.Select(GuideDocumentDigest.Of)]).Write();

    public object AnswerPart(string partKey, PhaseContext context)
    {
        var writer = Writers.FirstOrDefault(w => w.Part == partKey).Write
            ?? throw new ArgumentException($"The operations guide has no part '{partKey}'; its parts are {string.Join(", ", Writers.Select(w => w.Part))}.", nameof(partKey));
        return writer(ClusterProfile.From(context));
    }

    public ExpertAnswer AnswerFrame(JsonElement digest, PhaseContext context)
    {
        var cluster = ClusterProfile.From(context);
        var documents = digest.Deserialize<List<GuideDocumentDigest>>(JsonDefaults.Indented) ?? [];
        var frame = new OperationsGuideFrame { AppName = cluster.App };
        return new ExpertAnswer(frame, new DocumentationNarrator(cluster, frame.AppName, documents).Write());
    }
}
