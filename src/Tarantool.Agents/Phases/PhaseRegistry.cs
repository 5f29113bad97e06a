namespace Tarantool.Agents.Phases;

/// <summary>
/// Every typed phase output the product knows, by name. Prompts refer to outputs by these names; adding a phase
/// means adding its spec here and its prompt file under <c>prompts/</c>.
/// </summary>
public static class PhaseRegistry
{
    public static IReadOnlyList<IPhaseOutputSpec> Outputs { get; } =
    [
        Configuration.ConfigurationPhase.Spec,
        Replication.ReplicationPhase.Spec,
    ];

    public static IPhaseOutputSpec? Find(string name) => Outputs.FirstOrDefault(o => o.Name == name);
}
