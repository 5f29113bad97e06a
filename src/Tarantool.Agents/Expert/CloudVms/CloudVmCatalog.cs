using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CloudVms;

/// <summary>
/// Current-generation x86 machine types per cloud in the three memory ratios Tarantool hosts need: compute (1:2),
/// general purpose (1:4) and memory optimised (1:8). memtx keeps data in RAM, so the ratio that fits the plan's
/// RAM at the fewest vCPUs is the cheapest host that holds it.
/// </summary>
internal static class CloudVmCatalog
{
    private static readonly int[] Sizes = [2, 4, 8, 16, 32, 48, 64];

    private static readonly (string Family, int GibPerVcpu, Func<int, string> Name)[] Aws =
    [
        ("c6i", 2, n => $"c6i.{AwsSize(n)}"),
        ("m6i", 4, n => $"m6i.{AwsSize(n)}"),
        ("r6i", 8, n => $"r6i.{AwsSize(n)}"),
    ];

    private static readonly (string Family, int GibPerVcpu, Func<int, string> Name)[] Azure =
    [
        ("Fsv2", 2, n => $"Standard_F{n}s_v2"),
        ("Dsv5", 4, n => $"Standard_D{n}s_v5"),
        ("Esv5", 8, n => $"Standard_E{n}s_v5"),
    ];

    private static readonly (string Family, int GibPerVcpu, Func<int, string> Name)[] Gcp =
    [
        ("n2-highcpu", 1, n => $"n2-highcpu-{n}"),
        ("n2-standard", 4, n => $"n2-standard-{n}"),
        ("n2-highmem", 8, n => $"n2-highmem-{n}"),
    ];

    /// <summary>The smallest type with at least the vCPUs and memory asked for; null on premises or when nothing fits.</summary>
    public static CloudVmType? Smallest(CloudProvider cloud, int vcpus, double memoryGib)
    {
        var families = cloud switch
        {
            CloudProvider.Aws => Aws,
            CloudProvider.Azure => Azure,
            CloudProvider.Gcp => Gcp,
            _ => null,
        };
        if (families is null) return null;
        return families
            .SelectMany(f => Sizes.Where(n => !(f.Family == "Fsv2" && n > 32)).Select(n => new CloudVmType(f.Name(n), n, n * f.GibPerVcpu)))
            .Where(t => t.Vcpus >= vcpus && t.MemoryGib >= memoryGib)
            .OrderBy(t => t.Vcpus).ThenBy(t => t.MemoryGib)
            .FirstOrDefault();
    }

    private static string AwsSize(int vcpus) => vcpus switch
    {
        2 => "large",
        4 => "xlarge",
        _ => $"{vcpus / 4}xlarge",
    };
}
