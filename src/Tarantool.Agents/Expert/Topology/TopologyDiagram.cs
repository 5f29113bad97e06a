using System.Text;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// A Mermaid flowchart of the topology: a subgraph per site, inside it a subgraph per replicaset (its members at
/// that site), replication as dotted arrows from the first member, routers pointing at the storages they route to.
/// </summary>
internal static class TopologyDiagram
{
    public static string Build(IReadOnlyList<Region> regions, IReadOnlyList<Replicaset> replicasets, bool masterMaster)
    {
        var text = new StringBuilder("flowchart TB\n");
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            text.Append($"  subgraph {GroupId("site", region.Name)}[\"{region.Name}{(region.Primary && regions.Count > 1 ? " (primary)" : "")}\"]\n");
            foreach (var rs in replicasets)
            {
                var here = rs.Instances.Where(n => n.Region == region.Name).ToList();
                if (here.Count == 0) continue;
                text.Append($"    subgraph {GroupId(region.Name, rs.Name)}[\"{rs.Name}\"]\n");
                foreach (var node in here) text.Append($"      {NodeId(node.Name)}[\"{Label(node)}\"]\n");
                text.Append("    end\n");
            }

            text.Append("  end\n");
        }

        foreach (var rs in replicasets.Where(r => r.Instances.Count > 1))
        {
            var head = rs.Leader ?? rs.Instances[0].Name;
            foreach (var node in rs.Instances.Where(n => n.Name != head))
                text.Append($"  {NodeId(head)} {(masterMaster ? "<-.->" : "-.->")} {NodeId(node.Name)}\n");
        }

        var storages = replicasets.Where(r => TopologyVocabulary.IsStorage(r) && !TopologyVocabulary.IsStateboard(r)).ToList();
        foreach (var router in replicasets.Where(TopologyVocabulary.IsRouter))
            foreach (var storage in storages)
                text.Append($"  {NodeId(router.Instances[0].Name)} --> {NodeId(storage.Leader ?? storage.Instances[0].Name)}\n");

        return text.ToString().TrimEnd('\n');
    }

    private static string Label(InstanceNode node)
    {
        var role = node.ElectionMode is { Length: > 0 } election ? election : node.Mode;
        return $"{node.Name}<br/>{node.Host}:{node.Port}<br/>{node.Zone} / {role}";
    }

    /// <summary>Mermaid ids: letters, digits and '_'; a prefix keeps ids clear of keywords such as <c>end</c>.</summary>
    private static string NodeId(string name) => "n_" + Sanitize(name);

    private static string GroupId(string scope, string name) => $"g_{Sanitize(scope)}__{Sanitize(name)}";

    private static string Sanitize(string value) =>
        new(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
