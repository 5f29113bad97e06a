using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>Every pod the Kubernetes bundle starts that talks to iproto is let in by a NetworkPolicy.</summary>
public sealed partial class OperationsFollowedBundleTests
{
    /// <summary>
    /// The instances (replication, routers to storages), the backup Jobs, the training's write load and the DR drills'
    /// pods all connect to the storages' iproto port; the namespace admits only what a NetworkPolicy ingress rule
    /// selects, so each of those pods' labels must match a rule of a policy that selects the storage pods.
    /// </summary>
    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Every_pod_that_connects_to_iproto_matches_a_network_policy_ingress_rule(string language)
    {
        var bundle = await Plan("kubernetes", language);
        var storage = PodLabels(Documents(bundle["kubernetes/statefulset-storage-001.yaml"]).Single());
        var admitted = Documents(bundle["kubernetes/networkpolicy.yaml"])
            .Where(p => Labels(Map(Map(p, "spec"), "podSelector"), "matchLabels").All(l => storage.TryGetValue(l.Key, out var v) && v == l.Value))
            .SelectMany(p => Seq(Map(p, "spec"), "ingress").Cast<YamlMappingNode>())
            .Where(rule => Seq(rule, "ports").Cast<YamlMappingNode>().Any(port => Scalar(port, "port") is "iproto" or "3301"))
            .SelectMany(rule => Seq(rule, "from").Cast<YamlMappingNode>())
            .Where(from => from.Children.ContainsKey("podSelector"))
            .Select(from => Labels(Map(from, "podSelector"), "matchLabels"))
            .ToList();
        Assert.NotEmpty(admitted);

        var clients = new List<(string Where, IReadOnlyDictionary<string, string> Labels)>();
        foreach (var path in bundle.Paths.Where(p => p.EndsWith(".yaml", StringComparison.Ordinal) && (p.StartsWith("kubernetes/", StringComparison.Ordinal) || p.StartsWith("deploy/kubernetes/", StringComparison.Ordinal) || p.StartsWith("dr/", StringComparison.Ordinal))))
            foreach (var document in Documents(bundle[path]))
                if (document.Children.ContainsKey("kind") && Scalar(document, "kind") is "StatefulSet" or "CronJob" or "Job" or "Pod")
                    clients.Add(($"{path} {Scalar(document, "kind")} {Scalar(Map(document, "metadata"), "name")}", PodLabels(document)));
        foreach (var path in bundle.Paths.Where(p => p.StartsWith("docs/", StringComparison.Ordinal) || p.StartsWith("dr/", StringComparison.Ordinal)))
            foreach (Match run in Regex.Matches(bundle[path], @"kubectl run [^\n]*"))
            {
                var labels = Regex.Match(run.Value, @"--labels[= ]""?([^\s""]+)");
                Assert.True(labels.Success, $"{path}: a pod started without labels no NetworkPolicy admits: {run.Value[..Math.Min(120, run.Value.Length)]}");
                clients.Add(($"{path} kubectl run", labels.Groups[1].Value.Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1])));
            }

        Assert.Contains(clients, c => c.Where.Contains("docs/training.md", StringComparison.Ordinal));
        Assert.Contains(clients, c => c.Where.Contains("CronJob", StringComparison.Ordinal));
        foreach (var (where, labels) in clients)
            Assert.True(admitted.Any(rule => rule.All(l => labels.TryGetValue(l.Key, out var v) && v == l.Value)),
                $"{where}: labels {string.Join(",", labels.Select(l => $"{l.Key}={l.Value}"))} match no ingress rule for the storages' iproto port");
    }

    private static IEnumerable<YamlMappingNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>();
    }

    /// <summary>The labels of the pods a workload starts (a CronJob's job template's pod template, a StatefulSet's or
    /// Job's pod template, a Pod's own).</summary>
    private static IReadOnlyDictionary<string, string> PodLabels(YamlMappingNode document)
    {
        var node = document;
        if (Scalar(document, "kind") == "CronJob") node = Map(Map(node, "spec"), "jobTemplate");
        if (Scalar(document, "kind") != "Pod") node = Map(Map(node, "spec"), "template");
        return Labels(Map(node, "metadata"), "labels");
    }

    private static YamlMappingNode Map(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlMappingNode child ? child : new YamlMappingNode();

    private static IEnumerable<YamlNode> Seq(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode seq ? seq.Children : [];

    private static Dictionary<string, string> Labels(YamlMappingNode map, string key) =>
        Map(map, key).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value ?? "");
}
