using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// Region and zone names per cloud, as the provider spells them, so that the platform phase can map them onto
/// node labels (<c>topology.kubernetes.io/region</c>, <c>topology.kubernetes.io/zone</c>) and inventories.
/// </summary>
internal static class SiteCatalog
{
    private static readonly string[] Aws = ["eu-central-1", "eu-west-1", "eu-north-1", "eu-west-3", "eu-south-1"];
    private static readonly string[] Azure = ["westeurope", "northeurope", "swedencentral", "francecentral", "uksouth"];
    private static readonly (string Region, string Zones)[] Gcp =
    [
        ("europe-west1", "bcd"), ("europe-west4", "abc"), ("europe-north1", "abc"), ("europe-west3", "abc"), ("europe-central2", "abc"),
    ];

    /// <summary>The sites of the cluster: one named after the environment, or one per region.</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<string> Zones)> Sites(ClusterRequest request, int sites, int zonesPerSite)
    {
        if (sites == 1)
        {
            var name = request.Environment.ToString().ToLowerInvariant();
            return [(name, Zones(request.CloudProvider, 0, zonesPerSite))];
        }

        return [.. Enumerable.Range(0, sites).Select(s => (RegionName(request.CloudProvider, s), Zones(request.CloudProvider, s, zonesPerSite)))];
    }

    private static string RegionName(CloudProvider cloud, int site) => cloud switch
    {
        CloudProvider.Aws => Aws[site],
        CloudProvider.Azure => Azure[site],
        CloudProvider.Gcp => Gcp[site].Region,
        CloudProvider.Kubernetes => $"region-{site + 1}",
        _ => $"dc{site + 1}",
    };

    private static IReadOnlyList<string> Zones(CloudProvider cloud, int site, int count) =>
        [.. Enumerable.Range(0, count).Select(z => cloud switch
        {
            CloudProvider.Aws => $"{Aws[site]}{(char)('a' + z)}",
            CloudProvider.Azure => $"{Azure[site]}-{z + 1}",
            CloudProvider.Gcp => $"{Gcp[site].Region}-{Gcp[site].Zones[z]}",
            CloudProvider.Kubernetes => $"{RegionName(cloud, site)}-zone-{(char)('a' + z)}",
            _ => $"rack-{(char)('a' + z)}",
        })];
}
