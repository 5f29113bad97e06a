using System.Globalization;
using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CloudVms;

/// <summary>
/// What a cluster on a cloud's VMs (deployment: vm on aws, azure or gcp) needs from that cloud: the machine type that
/// holds the busiest host of the topology, its data disk, the zones, and how the hosts reach the backup storage
/// without a stored key. Derived from the capacity plan and the topology, so every phase and doc states the same.
/// </summary>
public sealed record CloudVmFacts
{
    /// <summary>Runtime, Lua and connection buffers of a router or stateboard instance besides its memtx arena.</summary>
    private const long LightInstanceRuntimeBytes = 512 * PlanningConstants.Mib;

    /// <summary>Filesystem overhead on the data disk, as for the Kubernetes volumes.</summary>
    private const double FilesystemOverhead = 1.05;

    public const int Gp3BaselineIops = 3000;
    public const int Gp3MaxIops = 16000;

    public required CloudProvider Cloud { get; init; }
    public required string MachineType { get; init; }
    public required int Vcpus { get; init; }
    public required int MemoryGib { get; init; }

    /// <summary>What the busiest host needs: the instances placed on it plus the OS reserve.</summary>
    public required int NeededVcpus { get; init; }
    public required double NeededMemoryGib { get; init; }

    public required string DiskType { get; init; }
    public required int DiskGb { get; init; }
    public required int DiskIops { get; init; }
    public required string DiskReason { get; init; }
    public required string DiskReasonRu { get; init; }
    public required IReadOnlyList<string> Zones { get; init; }
    public required int Hosts { get; init; }
    public required string BackupAccess { get; init; }
    public required string BackupAccessRu { get; init; }

    /// <summary>The facts for a VM deployment on a public cloud; null on premises, on Kubernetes, or when no type fits.</summary>
    public static CloudVmFacts? For(ClusterRequest request, CapacityPlan capacity, ClusterTopology topology, BackupPlan? backup)
    {
        if (InstanceLayout.InContainers(request) || request.CloudProvider is not (CloudProvider.Aws or CloudProvider.Azure or CloudProvider.Gcp)) return null;

        var profile = EnvironmentProfile.For(request.Environment);
        var hosts = topology.Replicasets
            .SelectMany(r => r.Instances.Select(i => (Instance: i, Replicaset: r)))
            .GroupBy(x => x.Instance.Host, StringComparer.Ordinal)
            .Select(g => (
                Cpu: g.Sum(x => TopologyFacts.IsRouter(x.Replicaset) ? capacity.CpuPerRouter : TopologyFacts.IsStateboard(x.Replicaset) ? 1 : capacity.CpuPerStorageInstance),
                Ram: g.Sum(x => TopologyFacts.IsRouter(x.Replicaset) ? capacity.RouterMemtxMemoryBytes + LightInstanceRuntimeBytes
                    : TopologyFacts.IsStateboard(x.Replicaset) ? LightInstanceRuntimeBytes : capacity.RamPerStorageInstanceBytes) + profile.HostOsReserveBytes,
                DiskGb: g.Sum(x => TopologyFacts.IsRouter(x.Replicaset) || TopologyFacts.IsStateboard(x.Replicaset) ? 10 : capacity.DiskPerStorageInstanceGb),
                DataInstances: g.Count(x => !TopologyFacts.IsRouter(x.Replicaset) && !TopologyFacts.IsStateboard(x.Replicaset))))
            .ToList();
        if (hosts.Count == 0) return null;

        var neededCpu = hosts.Max(h => h.Cpu);
        var neededGib = hosts.Max(h => h.Ram) / (double)PlanningConstants.Gib;
        if (CloudVmCatalog.Smallest(request.CloudProvider, neededCpu, neededGib) is not { } type) return null;

        var diskGb = (int)Math.Ceiling(hosts.Max(h => h.DiskGb) * FilesystemOverhead / 10) * 10;
        // Twice the WAL write rate per data instance: snapshots and vinyl dumps write while the WAL does.
        var iops = Math.Max(Gp3BaselineIops, RoundUp(capacity.WalIops * 2 * Math.Max(1, hosts.Max(h => h.DataInstances)), 1000));
        var production = request.Environment == DeploymentEnvironment.Production;
        var (disk, reason, reasonRu) = Disk(request.CloudProvider, production, iops);
        var (access, accessRu) = Access(request.CloudProvider, backup);
        return new CloudVmFacts
        {
            Cloud = request.CloudProvider,
            MachineType = type.Name,
            Vcpus = type.Vcpus,
            MemoryGib = type.MemoryGib,
            NeededVcpus = neededCpu,
            NeededMemoryGib = Math.Round(neededGib, 1),
            DiskType = disk,
            DiskGb = diskGb,
            DiskIops = iops,
            DiskReason = reason,
            DiskReasonRu = reasonRu,
            Zones = [.. topology.Regions.SelectMany(r => r.Zones).Distinct(StringComparer.Ordinal)],
            Hosts = hosts.Count,
            BackupAccess = access,
            BackupAccessRu = accessRu,
        };
    }

    private static (string Type, string En, string Ru) Disk(CloudProvider cloud, bool production, int iops) => cloud switch
    {
        CloudProvider.Aws when iops > Gp3MaxIops => ("io2",
            $"EBS io2: the WAL needs {Num(iops)} IOPS, more than gp3's {Num(Gp3MaxIops)}; provision {Num(iops)} IOPS, encrypted.",
            $"EBS io2: WAL нужно {Num(iops)} IOPS, больше предела gp3 ({Num(Gp3MaxIops)}); выделите {Num(iops)} IOPS, с шифрованием."),
        CloudProvider.Aws => ("gp3",
            $"EBS gp3 with {Num(iops)} provisioned IOPS (max({Num(Gp3BaselineIops)}, twice the WAL write rate of the host's data instances)) and 250 MB/s so snapshot writes do not starve the WAL; encrypted.",
            $"EBS gp3 с {Num(iops)} выделенных IOPS (max({Num(Gp3BaselineIops)}, удвоенная скорость записи WAL экземпляров данных хоста)) и 250 МБ/с, чтобы запись снимков не тормозила WAL; с шифрованием."),
        CloudProvider.Azure when production => ("Premium SSD v2",
            $"Premium SSD v2 with {Num(iops)} IOPS and 250 MB/s provisioned, host caching off (every WAL write is fsync'ed; read caching does not help an append-only log).",
            $"Premium SSD v2 с {Num(iops)} IOPS и 250 МБ/с, кэширование на хосте выключено (каждая запись WAL делает fsync, кэш чтения журналу не помогает)."),
        CloudProvider.Azure => ("Premium SSD (Premium_LRS)",
            "Premium SSD (Premium_LRS), host caching off: steady fsync latency at a non-production price.",
            "Premium SSD (Premium_LRS), кэширование на хосте выключено: стабильная задержка fsync по цене непродуктивного окружения."),
        _ when production => ("pd-ssd",
            "Persistent Disk pd-ssd: the lowest and steadiest write latency of the persistent disks, which bounds WAL fsync time and so commit latency.",
            "Persistent Disk pd-ssd: самая низкая и стабильная задержка записи среди постоянных дисков, она ограничивает время fsync WAL и, значит, задержку коммита."),
        _ => ("pd-balanced",
            "Persistent Disk pd-balanced: SSD-backed at a lower price, enough for a non-production write rate.",
            "Persistent Disk pd-balanced: на SSD и дешевле, для непродуктивной нагрузки записи достаточно."),
    };

    private static (string En, string Ru) Access(CloudProvider cloud, BackupPlan? backup)
    {
        var target = backup?.StorageUri ?? "";
        return cloud switch
        {
            CloudProvider.Aws => (
                $"an IAM instance profile on every host whose role allows s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on `{target}`; `aws s3 cp` picks the credentials up from the instance metadata, so no key is stored",
                $"профиль экземпляра IAM на каждом хосте, роль которого разрешает s3:ListBucket, s3:GetObject, s3:PutObject и s3:DeleteObject на `{target}`; `aws s3 cp` берёт учётные данные из метаданных экземпляра, ключи не хранятся"),
            CloudProvider.Azure => (
                $"a managed identity on every VM with the Storage Blob Data Contributor role on the container of `{target}`; the az CLI signs in with `az login --identity`, so no key or SAS token is stored",
                $"управляемое удостоверение на каждой ВМ с ролью Storage Blob Data Contributor на контейнер `{target}`; az CLI входит через `az login --identity`, ключи и SAS-токены не хранятся"),
            _ => (
                $"a service account attached to every VM (scope cloud-platform) with roles/storage.objectAdmin on the bucket of `{target}`; `gcloud storage` uses it through the metadata server, so no key file is stored",
                $"сервисный аккаунт, подключённый к каждой ВМ (scope cloud-platform), с ролью roles/storage.objectAdmin на бакет `{target}`; `gcloud storage` получает его через сервер метаданных, файлы ключей не хранятся"),
        };
    }

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);
}
