using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Documentation;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// Phase 9 expert (docs-architect): writes the operations guide of THIS cluster — its instance names, hosts, ports,
/// failover mode, backup schedule and capacity figures — as an experienced Tarantool operator would, with the commands
/// of its tooling (tt + config.yaml on 3.x, box.cfg on 2.11, tt cartridge on Cartridge) and deployment form.
/// </summary>
internal sealed class DocumentationExpert : PhaseExpert<OperationsGuide>
{
    public override OperationsGuide Design(PhaseContext context)
    {
        var cluster = ClusterProfile.From(context);
        return new OperationsGuide
        {
            AppName = cluster.App,
            Documents =
            [
                new SetupGuideWriter(cluster).Write(),
                new OperationsProceduresWriter(cluster).Write(),
                new TroubleshootingGuideWriter(cluster).Write(),
                new BackupRecoveryGuideWriter(cluster).Write(),
                new ScalingGuideWriter(cluster).Write(),
                new MonitoringGuideWriter(cluster).Write(),
                new TrainingGuideWriter(cluster).Write(),
            ],
        };
    }

    public override string Narrate(OperationsGuide output, PhaseContext context) =>
        new DocumentationNarrator(ClusterProfile.From(context), output).Write();
}
