using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Where replicaset members, routers and the stateboard go: the capacity plan counts hosts with it and the topology
/// places instances with it, so both phases agree on the same layout.
/// </summary>
internal static class ReplicasetLayout
{
    /// <summary>Zones a site offers: three (cloud availability zones, racks), one for a plain development site.</summary>
    public static int ZonesPerSite(ClusterRequest request) =>
        request.Environment == DeploymentEnvironment.Development && request.HaStrategy != HaStrategy.DistributedHa ? 1 : 3;

    /// <summary>
    /// Members of replicaset <paramref name="replicasetIndex"/> per site. Distributed HA and real master-master
    /// spread members evenly so that no site holds a majority; otherwise the primary site keeps all members but one
    /// per remote site. With rotated shard leaders each shard has its own primary site.
    /// </summary>
    public static int[] Split(ClusterRequest request, int members, int sites, int replicasetIndex)
    {
        var split = new int[Math.Max(1, sites)];
        if (split.Length == 1)
        {
            split[0] = members;
            return split;
        }

        var even = request.HaStrategy == HaStrategy.DistributedHa || ClusterShape.IsTrueMasterMaster(request) || members - (sites - 1) < 1;
        if (even)
        {
            for (var s = 0; s < sites; s++) split[s] = members / sites + (s < members % sites ? 1 : 0);
        }
        else
        {
            split[0] = members - (sites - 1);
            for (var s = 1; s < sites; s++) split[s] = 1;
        }

        if (!ClusterShape.RotatesShardLeaders(request)) return split;
        var shift = replicasetIndex % sites;
        return [.. Enumerable.Range(0, sites).Select(s => split[((s - shift) % sites + sites) % sites])];
    }

    /// <summary>The site that is primary (holds the first member, the leader for manual failover) of a replicaset.</summary>
    public static int PrimarySite(ClusterRequest request, int sites, int replicasetIndex) =>
        ClusterShape.RotatesShardLeaders(request) ? replicasetIndex % sites : 0;

    /// <summary>Routers per site: spread evenly so every site routes its clients locally.</summary>
    public static int RoutersAt(int routers, int sites, int site) => routers / sites + (site < routers % sites ? 1 : 0);

    /// <summary>The stateboard goes to the last site, on a host of its own: with three sites that is the witness site
    /// outside the storage majority; on one site it is the only site.</summary>
    public static int StateboardSite(int sites) => sites - 1;

    /// <summary>Storage instances one host carries, limited by the host's RAM (less the OS), vCPUs and data disk.</summary>
    public static int InstancesPerHost(EnvironmentProfile profile, long ramPerInstance, int cpuPerInstance, double diskPerInstanceGb)
    {
        var byRam = ramPerInstance <= 0 ? int.MaxValue : (profile.HostRamBytes - profile.HostOsReserveBytes) / ramPerInstance;
        var byCpu = cpuPerInstance <= 0 ? int.MaxValue : profile.HostCpu / cpuPerInstance;
        var byDisk = diskPerInstanceGb <= 0 ? int.MaxValue : (long)(profile.HostDiskGb / diskPerInstanceGb);
        return (int)Math.Max(1, Math.Min(byRam, Math.Min(byCpu, byDisk)));
    }

    /// <summary>
    /// The layout of every site: zones used are as many as the largest local replicaset or the host count needs (up
    /// to the zones the site has), and hosts per zone cover both "no two members of a replicaset on one host" and the
    /// packing limit.
    /// </summary>
    public static IReadOnlyList<SiteLayout> Sites(
        ClusterRequest request, int replicasets, int members, int routers, bool stateboard, int instancesPerHost)
    {
        var sites = ClusterShape.Sites(request);
        var zones = ZonesPerSite(request);
        var splits = Enumerable.Range(0, replicasets).Select(i => Split(request, members, sites, i)).ToList();
        var layouts = new List<SiteLayout>(sites);
        for (var s = 0; s < sites; s++)
        {
            var storage = splits.Sum(split => split[s]);
            var maxMembers = splits.Count == 0 ? 0 : splits.Max(split => split[s]);
            var siteRouters = RoutersAt(routers, sites, s);
            var siteStateboard = stateboard && s == StateboardSite(sites);
            int zonesUsed, hostsPerZone;
            if (storage > 0)
            {
                // As many zones as the largest local replicaset or the host count needs: hosts spread over zones too.
                var hostsNeeded = (storage + instancesPerHost - 1) / instancesPerHost;
                zonesUsed = Math.Max(1, Math.Min(zones, Math.Max(maxMembers, hostsNeeded)));
                hostsPerZone = Math.Max(
                    (maxMembers + zonesUsed - 1) / zonesUsed,
                    (storage + zonesUsed * instancesPerHost - 1) / (zonesUsed * instancesPerHost));
            }
            else
            {
                zonesUsed = 1;
                hostsPerZone = siteRouters > 0 ? 1 : 0;
            }

            layouts.Add(new SiteLayout(s, zonesUsed, hostsPerZone, storage, maxMembers, siteRouters, siteStateboard));
        }

        return layouts;
    }
}
