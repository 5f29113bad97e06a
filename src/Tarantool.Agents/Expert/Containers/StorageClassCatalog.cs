using System.Globalization;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>Picks the data-volume StorageClass per cloud: block storage with steady fsync latency for the WAL.</summary>
public static class StorageClassCatalog
{
    /// <summary>gp3 includes 3000 IOPS and 125 MB/s at any size; more is bought separately up to 16000 IOPS.</summary>
    public const int Gp3BaselineIops = 3000;
    public const int Gp3MaxIops = 16000;

    public static StorageClassPlan? For(ClusterRequest request, CapacityPlan capacity)
    {
        var production = request.Environment == DeploymentEnvironment.Production;
        switch (request.CloudProvider)
        {
            case CloudProvider.Aws:
            {
                // Twice the WAL write rate: snapshots and vinyl dumps write at the same time as the WAL.
                var iops = Math.Clamp(RoundUp(capacity.WalIops * 2, 1000), Gp3BaselineIops, Gp3MaxIops);
                return new StorageClassPlan
                {
                    Name = "tarantool-gp3",
                    Provisioner = "ebs.csi.aws.com",
                    Parameters =
                    [
                        new("csi.storage.k8s.io/fstype", "xfs"),
                        new("encrypted", "true"),
                        new("iops", iops.ToString(CultureInfo.InvariantCulture)),
                        new("throughput", "250"),
                        new("type", "gp3"),
                    ],
                    ReclaimPolicy = "Retain",
                    VolumeBindingMode = "WaitForFirstConsumer",
                    Reason = $"EBS gp3 through the EBS CSI driver: {iops} provisioned IOPS = max({Gp3BaselineIops}, 2 × {capacity.WalIops} WAL writes/s rounded up), " +
                             "250 MB/s so snapshot writes do not starve the WAL; encrypted at rest; xfs for large sequential snapshot files.",
                };
            }
            case CloudProvider.Azure:
                return new StorageClassPlan
                {
                    Name = "tarantool-premium",
                    Provisioner = "disk.csi.azure.com",
                    Parameters = [new("cachingMode", "None"), new("fsType", "xfs"), new("skuName", "Premium_LRS")],
                    ReclaimPolicy = "Retain",
                    VolumeBindingMode = "WaitForFirstConsumer",
                    Reason = "Azure Premium SSD (Premium_LRS) through disk.csi.azure.com, like the built-in managed-csi-premium class but with Retain; " +
                             "host caching off because every WAL write is fsync'ed and read caching does not help an append-only log.",
                };
            case CloudProvider.Gcp:
            {
                var type = production ? "pd-ssd" : "pd-balanced";
                return new StorageClassPlan
                {
                    Name = $"tarantool-{type}",
                    Provisioner = "pd.csi.storage.gke.io",
                    Parameters = [new("csi.storage.k8s.io/fstype", "xfs"), new("type", type)],
                    ReclaimPolicy = "Retain",
                    VolumeBindingMode = "WaitForFirstConsumer",
                    Reason = production
                        ? "GCE pd-ssd through pd.csi.storage.gke.io: the lowest and steadiest write latency, which bounds WAL fsync time and therefore commit latency."
                        : "GCE pd-balanced through pd.csi.storage.gke.io: SSD-backed at a lower price, enough for a non-production write rate.",
                };
            }
            default:
                // Plain Kubernetes has no provisioner everyone shares: keep the cluster's default StorageClass.
                return null;
        }
    }

    private static int RoundUp(int value, int step) => (value + step - 1) / step * step;
}
