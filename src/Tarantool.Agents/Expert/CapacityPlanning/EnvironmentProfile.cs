using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// What an environment implies when the user gave no figure: the workload assumed, the floors applied and the
/// host size instances are packed onto.
/// </summary>
internal sealed record EnvironmentProfile
{
    public required DeploymentEnvironment Environment { get; init; }
    public required double DataSizeGb { get; init; }
    public required int ReadRps { get; init; }
    public required int WriteRps { get; init; }
    public required int AverageRecordBytes { get; init; }
    public required double GrowthPercentPerYear { get; init; }
    public required int HorizonMonths { get; init; }
    public required long MemtxFloorBytes { get; init; }
    public required long RouterMemtxBytes { get; init; }
    public required double DiskFloorGb { get; init; }
    public required int SnapshotCount { get; init; }
    public required string WalMode { get; init; }
    public required long HostRamBytes { get; init; }
    public required long HostOsReserveBytes { get; init; }
    public required int HostCpu { get; init; }
    public required double HostDiskGb { get; init; }
    public required int MinimumRouters { get; init; }
    public required double ElectionTimeoutSeconds { get; init; }

    public static EnvironmentProfile For(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Development => Development,
        DeploymentEnvironment.Staging => Staging,
        _ => Production,
    };

    private static readonly EnvironmentProfile Development = new()
    {
        Environment = DeploymentEnvironment.Development,
        DataSizeGb = 1, ReadRps = 400, WriteRps = 100, AverageRecordBytes = 512, GrowthPercentPerYear = 30, HorizonMonths = 12,
        MemtxFloorBytes = 512 * PlanningConstants.Mib, RouterMemtxBytes = 512 * PlanningConstants.Mib, DiskFloorGb = 10,
        SnapshotCount = 2, WalMode = "write",
        HostRamBytes = 16 * PlanningConstants.Gib, HostOsReserveBytes = 2 * PlanningConstants.Gib, HostCpu = 8, HostDiskGb = 200,
        MinimumRouters = 1, ElectionTimeoutSeconds = 1,
    };

    private static readonly EnvironmentProfile Staging = new()
    {
        Environment = DeploymentEnvironment.Staging,
        DataSizeGb = 20, ReadRps = 2000, WriteRps = 500, AverageRecordBytes = 512, GrowthPercentPerYear = 30, HorizonMonths = 12,
        MemtxFloorBytes = 1 * PlanningConstants.Gib, RouterMemtxBytes = 512 * PlanningConstants.Mib, DiskFloorGb = 20,
        SnapshotCount = 2, WalMode = "write",
        HostRamBytes = 64 * PlanningConstants.Gib, HostOsReserveBytes = 4 * PlanningConstants.Gib, HostCpu = 16, HostDiskGb = 2000,
        MinimumRouters = 2, ElectionTimeoutSeconds = 2,
    };

    private static readonly EnvironmentProfile Production = new()
    {
        Environment = DeploymentEnvironment.Production,
        DataSizeGb = 100, ReadRps = 10_000, WriteRps = 2_000, AverageRecordBytes = 512, GrowthPercentPerYear = 30, HorizonMonths = 24,
        MemtxFloorBytes = 2 * PlanningConstants.Gib, RouterMemtxBytes = 1 * PlanningConstants.Gib, DiskFloorGb = 50,
        SnapshotCount = 3, WalMode = "fsync",
        HostRamBytes = 256 * PlanningConstants.Gib, HostOsReserveBytes = 8 * PlanningConstants.Gib, HostCpu = 32, HostDiskGb = 8000,
        MinimumRouters = 2, ElectionTimeoutSeconds = 4,
    };
}
