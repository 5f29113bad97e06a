using System.Text.RegularExpressions;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Documentation;

/// <summary>
/// Knows which replicaset and instance names a text about this cluster may mention: the topology's own, plus the
/// next names a scaling procedure would introduce (one more replica per replicaset, the shards the growth projection
/// calls for, one more router). Anything else of the same naming family (<c>storage-007-1</c> in a three-shard
/// cluster, <c>db-001-1</c> in a sharded one) is a name copied from another cluster.
/// </summary>
internal sealed partial class InstanceNameScanner
{
    private static readonly string[] StandardFamilies = ["db", "storage", "router"];

    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly Regex _token;
    private readonly Dictionary<string, (int Replicasets, int MaxInstances)> _families = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _instancesPerReplicaset = new(StringComparer.Ordinal);
    private readonly int _storageGrowthLimit;

    public InstanceNameScanner(ClusterTopology topology, CapacityPlan? capacity)
    {
        foreach (var replicaset in topology.Replicasets)
        {
            _known.Add(replicaset.Name);
            _instancesPerReplicaset[replicaset.Name] = replicaset.Instances.Count;
            foreach (var instance in replicaset.Instances) _known.Add(instance.Name);
            var match = ReplicasetName().Match(replicaset.Name);
            if (!match.Success) continue;
            var family = match.Groups["family"].Value;
            _families.TryGetValue(family, out var seen);
            _families[family] = (Math.Max(seen.Replicasets, int.Parse(match.Groups["n"].Value)), Math.Max(seen.MaxInstances, replicaset.Instances.Count));
        }
        var shardsNeeded = capacity?.Growth.Select(g => g.ShardsNeeded).DefaultIfEmpty(0).Max() ?? 0;
        _storageGrowthLimit = Math.Max(shardsNeeded, _families.TryGetValue("storage", out var storages) ? storages.Replicasets : 0) + 1;
        var families = StandardFamilies.Concat(_families.Keys).Distinct().OrderByDescending(f => f.Length).Select(Regex.Escape);
        _token = new Regex($@"(?<![\w-])(?<family>{string.Join("|", families)})-(?<n>\d{{3}})(?:-(?<i>\d+))?(?![\w-])", RegexOptions.CultureInvariant);
    }

    /// <summary>Every instance name of the topology.</summary>
    public bool IsKnownInstance(string name) => _known.Contains(name);

    /// <summary>Replicaset or instance names in the text that this cluster neither has nor would add when scaling.</summary>
    public IReadOnlyList<string> Unknown(string text) =>
        [.. _token.Matches(text).Select(m => m.Value).Where(name => !IsAllowed(name)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>True for a topology instance, or for a name of the cluster's naming families that scaling would add.</summary>
    public bool IsKnownOrPlanned(string name)
    {
        if (_known.Contains(name)) return true;
        var match = _token.Match(name);
        return match.Success && match.Value == name && IsAllowed(name);
    }

    public bool IsAllowed(string name)
    {
        if (_known.Contains(name)) return true;
        var match = _token.Match(name);
        if (!match.Success || match.Value != name) return true;
        var family = match.Groups["family"].Value;
        var replicaset = $"{family}-{match.Groups["n"].Value}";
        var index = match.Groups["i"].Success ? int.Parse(match.Groups["i"].Value) : 0;
        if (_instancesPerReplicaset.TryGetValue(replicaset, out var count)) return index <= count + 1;
        if (!_families.TryGetValue(family, out var existing)) return false;
        var number = int.Parse(match.Groups["n"].Value);
        var limit = family switch
        {
            "storage" when _families.ContainsKey("router") => _storageGrowthLimit,
            "router" => existing.Replicasets + 1,
            _ => existing.Replicasets,
        };
        return number <= limit && index <= existing.MaxInstances + 1;
    }

    [GeneratedRegex(@"^(?<family>[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)*)-(?<n>\d{3})$")]
    private static partial Regex ReplicasetName();
}
