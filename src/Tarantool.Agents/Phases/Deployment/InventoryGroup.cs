namespace Tarantool.Agents.Phases.Deployment;

/// <summary>An inventory group.</summary>
/// <param name="Name">Group name with underscores only (Ansible rejects dashes), e.g. <c>storage_001</c> or <c>storages</c>.</param>
/// <param name="Instances">Instances that are direct members.</param>
/// <param name="Children">Names of child groups.</param>
public sealed record InventoryGroup(string Name, IReadOnlyList<string> Instances, IReadOnlyList<string> Children);
