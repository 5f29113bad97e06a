using Tarantool.Agents.Phases.CapacityPlanning;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// The memory limit of one instance's container or unit, from the capacity plan: the one figure the containers phase
/// writes as the pod's <c>resources.limits.memory</c> (and, the largest of them, as the systemd unit's
/// <c>MemoryMax=</c>) and the monitoring phase alerts against before the kernel's OOM killer reaches it.
/// </summary>
public static class WorkloadMemory
{
    public const long Mib = 1024L * 1024;

    /// <summary>Lua heap, fibers and network buffers of a vshard router on top of its small memtx arena.</summary>
    public const long RouterRuntimeReserveBytes = 512 * Mib;

    public const int StateboardMemoryMib = 512;

    /// <summary>Limit (= request) in MiB for a role as <see cref="PlatformNaming.RoleOf"/> names it.</summary>
    public static int LimitMib(string role, CapacityPlan capacity) => role switch
    {
        "storage" or "db" => (int)Math.Ceiling(capacity.RamPerStorageInstanceBytes / (double)Mib),
        "router" => (int)Math.Ceiling((capacity.RouterMemtxMemoryBytes + RouterRuntimeReserveBytes) / (double)Mib),
        _ => StateboardMemoryMib,
    };

    /// <summary>The systemd unit template is shared by every instance of a VM cluster, so its <c>MemoryMax=</c> is the
    /// largest limit of the roles present.</summary>
    public static int UnitMemoryMaxMib(IEnumerable<string> roles, CapacityPlan capacity) => roles.Select(r => LimitMib(r, capacity)).DefaultIfEmpty(StateboardMemoryMib).Max();
}
