using Tarantool.Agents.Expert.CapacityPlanning;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// The hosts of every site, laid out zone by zone as <see cref="ReplicasetLayout"/> sized them and named
/// <c>&lt;cluster&gt;-node-&lt;n&gt;</c> in site, row and zone order.
/// </summary>
internal sealed class HostPool
{
    private readonly List<List<PlannedHost>> _sites = [];
    private readonly IReadOnlyList<SiteLayout> _layouts;
    private readonly string _prefix;
    private readonly Dictionary<int, PlannedHost> _stateboardHosts = [];

    public HostPool(string cluster, IReadOnlyList<SiteLayout> layouts)
    {
        _layouts = layouts;
        _prefix = HostPrefix(cluster);
        var n = 1;
        foreach (var layout in layouts)
        {
            var hosts = new List<PlannedHost>();
            for (var row = 0; row < layout.HostsPerZone; row++)
                for (var zone = 0; zone < layout.Zones; zone++)
                    hosts.Add(new PlannedHost($"{_prefix}-node-{n++}", layout.Site, zone));
            _sites.Add(hosts);
            // Kept out of the site's list so that storage members and routers never land on it.
            if (layout.Stateboard) _stateboardHosts[layout.Site] = new PlannedHost($"{_prefix}-node-{n++}", layout.Site, 0);
        }
    }

    public int Count => _sites.Sum(s => s.Count) + _stateboardHosts.Count;

    public SiteLayout Layout(int site) => _layouts[site];

    /// <summary>
    /// The least loaded host of a zone that is not in <paramref name="taken"/> (hosts the replicaset already uses):
    /// members of one replicaset never share a host and the zone's hosts fill evenly.
    /// </summary>
    public PlannedHost? LeastLoadedInZone(int site, int zone, IReadOnlySet<string> taken) =>
        _sites[site].Where(h => h.Zone == zone && !taken.Contains(h.Name)).OrderBy(h => h.Instances).FirstOrDefault();

    /// <summary>The least loaded host of a site (the first of equals), for routers and the stateboard.</summary>
    public PlannedHost LeastLoaded(int site)
    {
        // A site sized with no host (an LLM plan may leave one out) still gets one for its routers.
        if (_sites[site].Count == 0) _sites[site].Add(new PlannedHost($"{_prefix}-node-{Count + 1}", site, 0));
        return _sites[site].OrderBy(h => h.Instances).First();
    }

    /// <summary>The stateboard's own host at <paramref name="site"/>; a layout (an LLM plan's) without one gets one.</summary>
    public PlannedHost StateboardHost(int site)
    {
        if (!_stateboardHosts.TryGetValue(site, out var host))
            _stateboardHosts[site] = host = new PlannedHost($"{_prefix}-node-{Count + 1}", site, 0);
        return host;
    }

    /// <summary>Host names follow the cluster name, lowercased to a DNS label.</summary>
    public static string HostPrefix(string cluster)
    {
        var chars = cluster.ToLowerInvariant().Select(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '-').ToArray();
        var prefix = new string(chars).Trim('-');
        while (prefix.Contains("--", StringComparison.Ordinal)) prefix = prefix.Replace("--", "-", StringComparison.Ordinal);
        return prefix.Length == 0 ? "tarantool" : prefix;
    }
}
