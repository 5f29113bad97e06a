namespace Tarantool.Agents.Phases;

/// <summary>
/// Every typed phase output the product knows, by name. Prompts refer to outputs by these names; adding a phase
/// means adding its spec here and its prompt file under <c>prompts/</c>.
/// </summary>
public static class PhaseRegistry
{
    public static IReadOnlyList<IPhaseOutputSpec> Outputs { get; } =
    [
        CapacityPlanning.CapacityPlanPhase.Spec,
        Topology.ClusterTopologyPhase.Spec,
        BackupRecovery.BackupRecoveryPhase.Spec,
        Configuration.ConfigurationPhase.Spec,
        Replication.ReplicationPhase.Spec,
        Containers.ContainersPhase.Spec,
        Monitoring.MonitoringPhase.Spec,
        DrTesting.DrTestingPhase.Spec,
        Documentation.DocumentationPhase.Spec,
        Deployment.DeploymentPhase.Spec,
    ];

    public static IPhaseOutputSpec? Find(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
