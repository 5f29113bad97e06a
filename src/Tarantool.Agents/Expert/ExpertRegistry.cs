namespace Tarantool.Agents.Expert;

/// <summary>The embedded expert's knowledge, one <see cref="IPhaseExpert"/> per typed output.</summary>
public static class ExpertRegistry
{
    public static IReadOnlyList<IPhaseExpert> Experts { get; } =
    [
        new CapacityPlanning.CapacityPlanningExpert(),
        new Topology.TopologyExpert(),
        new BackupRecovery.BackupRecoveryExpert(),
        new Configuration.ConfigurationExpert(),
        new Replication.ReplicationExpert(),
        new Containers.OrchestrationExpert(),
        new Monitoring.MonitoringExpert(),
        new DrTesting.DrTestingExpert(),
        new Documentation.DocumentationExpert(),
        new Deployment.DeploymentExpert(),
    ];

    public static IPhaseExpert? Find(string outputName) => Experts.FirstOrDefault(e => e.OutputName == outputName);
}
