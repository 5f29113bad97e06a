using System.Security.Cryptography;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// Kubernetes config rollout: the ConfigMap reaches running pods (a directory mount, never subPath), its hash
/// annotates every pod template, and deploy/scripts/config-reload.sh applies a change by reload in a safe order.
/// </summary>
public sealed partial class SampleBundleConformanceTests
{
    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Kubernetes_pods_mount_the_config_map_as_a_directory_and_carry_its_hash(string sample)
    {
        var root = bundles.BundleOf(sample);
        var configMapFile = Path.Combine(root, "kubernetes", "configmap.yaml");
        var statefulSets = Directory.Exists(Path.Combine(root, "kubernetes"))
            ? Directory.GetFiles(Path.Combine(root, "kubernetes"), "statefulset-*.yaml").Order(StringComparer.Ordinal).ToList()
            : [];
        if (statefulSets.Count == 0) return; // a VM bundle has no pods

        string? checksum = null;
        if (File.Exists(configMapFile))
        {
            var data = (YamlMappingNode)Load(configMapFile)["data"];
            var config = ((YamlScalarNode)data["config.yaml"]).Value!;
            checksum = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(config)));
        }

        foreach (var file in statefulSets)
        {
            var name = Path.GetFileName(file);
            var template = (YamlMappingNode)((YamlMappingNode)Load(file)["spec"])["template"];
            var pod = (YamlMappingNode)template["spec"];
            var container = (YamlMappingNode)((YamlSequenceNode)pod["containers"]).Children[0];
            var mounts = ((YamlSequenceNode)container["volumeMounts"]).Children.Cast<YamlMappingNode>().ToList();
            Assert.DoesNotContain(mounts, m => m.Children.ContainsKey("subPath"));

            var annotations = ((YamlMappingNode)template["metadata"]).Children.TryGetValue("annotations", out var a) ? (YamlMappingNode)a : null;
            if (checksum is null)
            {
                Assert.True(annotations is null || !annotations.Children.ContainsKey("checksum/config"), $"{name}: a checksum without a ConfigMap");
                continue;
            }

            Assert.True(annotations is not null && annotations.Children.ContainsKey("checksum/config"), $"{name}: no checksum/config annotation");
            Assert.Equal(checksum, ((YamlScalarNode)annotations!["checksum/config"]).Value);

            var configMount = Assert.Single(mounts, m => ((YamlScalarNode)m["name"]).Value == "config");
            var mountPath = ((YamlScalarNode)configMount["mountPath"]).Value!;
            var args = ((YamlSequenceNode)container["args"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
            var configPath = args[args.IndexOf("--config") + 1];
            Assert.Equal($"{mountPath}/config.yaml", configPath);
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Config_reload_script_applies_waits_for_the_new_file_then_reloads_replicas_before_the_leader(string sample)
    {
        var root = bundles.BundleOf(sample);
        var script = Path.Combine(root, "deploy", "scripts", "config-reload.sh");
        var hasConfigMap = File.Exists(Path.Combine(root, "kubernetes", "configmap.yaml"));
        Assert.Equal(hasConfigMap, File.Exists(script));
        if (!hasConfigMap) return;

        var text = File.ReadAllText(script);
        var body = text[text.IndexOf("\nif [ -f ", StringComparison.Ordinal)..];
        int At(string s)
        {
            var i = body.IndexOf(s, StringComparison.Ordinal);
            Assert.True(i >= 0, $"config-reload.sh has no `{s}`");
            return i;
        }

        // apply -> the pods' file equals the ConfigMap -> reload, replicas first and the writable instance last
        Assert.True(At("kubectl apply") < At("wait_synced \"$instance\" \"$want\""));
        Assert.True(At("wait_synced \"$instance\" \"$want\"") < At("reload \"$instance\""));
        Assert.True(At("reload \"$instance\"") < At("reload \"$current\""));
        Assert.Contains("sha256sum \"$CONFIG_FILE\"", text, StringComparison.Ordinal);
        Assert.Contains("require('config'):reload()", text, StringComparison.Ordinal);
        Assert.Contains("require('config'):info().status", text, StringComparison.Ordinal);
        Assert.Contains("*\"reloaded ready\"* | *\"reloaded check_warnings\"*)", text, StringComparison.Ordinal);
        Assert.Contains("exit 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("kubectl delete pod", text, StringComparison.Ordinal);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(file)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
