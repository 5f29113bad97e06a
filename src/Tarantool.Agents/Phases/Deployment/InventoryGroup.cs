using System.ComponentModel;

namespace Tarantool.Agents.Phases.Deployment;

/// <summary>An inventory group.</summary>
public sealed record InventoryGroup(
    [property: Description("Group name with underscores only (Ansible rejects dashes), e.g. storage_001 or storages.")] string Name,
    [property: Description("Instances that are direct members.")] IReadOnlyList<string> Instances,
    [property: Description("Names of child groups.")] IReadOnlyList<string> Children);
