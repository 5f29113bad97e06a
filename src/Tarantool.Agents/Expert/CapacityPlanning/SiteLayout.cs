namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>One site's share of the cluster: its zones in use, hosts per zone and what runs there.</summary>
/// <param name="Site">0-based site index; site 0 is the primary.</param>
/// <param name="Zones">Zones (availability zones or racks) that get hosts.</param>
/// <param name="HostsPerZone">Hosts in each zone used.</param>
/// <param name="StorageInstances">Storage instances of all replicasets placed at this site.</param>
/// <param name="MaxMembers">The largest number of members one replicaset has at this site.</param>
/// <param name="Routers">Routers placed at this site.</param>
/// <param name="Stateboard">True when the Cartridge stateboard runs here, on a host of its own.</param>
internal sealed record SiteLayout(int Site, int Zones, int HostsPerZone, int StorageInstances, int MaxMembers, int Routers, bool Stateboard)
{
    /// <summary>The zone hosts plus the stateboard's own host: the failover state must not fall with a storage or router host.</summary>
    public int Hosts => Zones * HostsPerZone + (Stateboard ? 1 : 0);
}
