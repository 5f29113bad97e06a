using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>Turns the capacity plan into per-replicaset requests, limits, volumes and placement rules.</summary>
public static class WorkloadSizer
{
    public const long Mib = 1024L * 1024;
    public const double Gib = 1024d * 1024 * 1024;

    /// <summary>Lua heap, fibers and network buffers of a vshard router on top of its small memtx arena.</summary>
    public const long RouterRuntimeReserveBytes = WorkloadMemory.RouterRuntimeReserveBytes;

    /// <summary>Filesystem metadata and reserved blocks take about 5% of a fresh volume.</summary>
    public const double FilesystemOverhead = 1.05;

    public const int MinimumRouterVolumeGib = 5;
    public const int StateboardMemoryMib = WorkloadMemory.StateboardMemoryMib;
    public const int StateboardCpuMillicores = 500;
    public const int StateboardVolumeGib = 2;

    public static WorkloadPlan Size(Replicaset replicaset, ClusterTopology topology, CapacityPlan capacity, ClusterRequest request)
    {
        var role = PlatformNaming.RoleOf(replicaset.Roles);
        var (memoryMib, cpu, volume) = role switch
        {
            "storage" or "db" => (
                WorkloadMemory.LimitMib(role, capacity),
                capacity.CpuPerStorageInstance * 1000,
                (int)Math.Ceiling(capacity.DiskPerStorageInstanceGb * 1e9 * FilesystemOverhead / Gib)),
            "router" => (
                WorkloadMemory.LimitMib(role, capacity),
                Math.Max(1, capacity.CpuPerRouter) * 1000,
                Math.Max(MinimumRouterVolumeGib, (int)Math.Ceiling(capacity.RouterMemtxMemoryBytes * 3 / Gib))),
            _ => (WorkloadMemory.LimitMib(role, capacity), StateboardCpuMillicores, StateboardVolumeGib),
        };
        var production = request.Environment == DeploymentEnvironment.Production;
        var zones = topology.Regions.Sum(r => Math.Max(1, r.Zones.Count));
        return new WorkloadPlan
        {
            Replicaset = replicaset.Name,
            Role = role,
            Instances = [.. replicaset.Instances.Select(i => i.Name)],
            CpuRequestMillicores = cpu,
            CpuLimitMillicores = cpu,
            MemoryRequestMib = memoryMib,
            MemoryLimitMib = memoryMib,
            VolumeGib = Math.Max(1, volume),
            MaxUnavailable = 1,
            RequiredNodeAntiAffinity = production && capacity.Hosts >= replicaset.Instances.Count,
            ZoneSpread = production && zones >= 2 ? "DoNotSchedule" : "ScheduleAnyway",
            SpreadAcrossRegions = request.ClusterType == ClusterType.MultiRegion && topology.Regions.Count > 1 && replicaset.Instances.Count > 1,
        };
    }
}
