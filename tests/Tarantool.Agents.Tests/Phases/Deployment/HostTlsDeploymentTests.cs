using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Phases.Deployment;

/// <summary>
/// Enterprise iproto TLS on hosts: the deployment playbook installs every certificate, key and CA file the rendered
/// config names, at that exact path, owned by tarantool and with an owner-only private key, before any instance starts.
/// </summary>
public sealed class HostTlsDeploymentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static readonly string[] EnterpriseVm =
    [
        "--cluster-name", "vault", "--cluster-type", "sharded", "--environment", "production", "--cloud-provider", "on-premises",
        "--enable-sharding", "true", "--shard-count", "2", "--edition", "enterprise", "Payments ledger on our own hosts, 40 GB.",
    ];

    [Fact]
    public async Task Enterprise_vm_playbook_installs_every_tls_file_the_config_names_before_starting_instances()
    {
        var root = await Plan(EnterpriseVm, "ee");
        var config = File.ReadAllText(Path.Combine(root, "tarantool", "config.yaml"));
        var named = IprotoTlsFiles.In(config).ToList();
        var keys = IprotoTlsFiles.PrivateKeysIn(config).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(named);
        Assert.NotEmpty(keys);

        var plays = LoadPlays(Path.Combine(root, "deploy", "ansible", "deploy.yml"));
        var tasks = plays.SelectMany((play, p) => Tasks(play).Select((task, t) => (Play: p, Index: t, Task: task))).ToList();
        var copies = tasks.Where(t => t.Task.Children.ContainsKey(new YamlScalarNode("ansible.builtin.copy"))).ToList();
        var firstStart = tasks.First(t => t.Task.Children.TryGetValue(new YamlScalarNode("ansible.builtin.systemd"), out var s)
            && s is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("state"), out var state) && state.ToString() == "started");

        foreach (var path in named)
        {
            var copy = copies.SingleOrDefault(c => Loop(c.Task).Any(item => Scalar(item, "dest") == path));
            Assert.True(copy.Task is not null, $"no copy task installs {path}");
            var module = (YamlMappingNode)copy.Task["ansible.builtin.copy"];
            Assert.Equal("tarantool", Scalar(module, "owner"));
            Assert.Equal(keys.Contains(path) ? "0400" : "0444", Scalar(module, "mode"));
            Assert.Equal(Path.GetFileName(path), Scalar(Loop(copy.Task).Single(i => Scalar(i, "dest") == path), "src"));
            Assert.True((copy.Play, copy.Index).CompareTo((firstStart.Play, firstStart.Index)) < 0, $"{path} is installed after the instances start");
            if (keys.Contains(path)) Assert.Equal("true", Scalar(copy.Task, "no_log"));
        }

        var setup = File.ReadAllText(Path.Combine(root, "docs", "setup.md"));
        foreach (var path in named)
        {
            Assert.Contains($"`{path}`", setup, StringComparison.Ordinal);
            Assert.Contains($"deploy/ansible/files/tls/{Path.GetFileName(path)}", setup, StringComparison.Ordinal);
        }
        foreach (var key in keys) Assert.Contains($"ansible-vault encrypt deploy/ansible/files/tls/{Path.GetFileName(key)}", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Community_vm_playbook_installs_no_certificates()
    {
        var root = await Plan([.. EnterpriseVm[..^3], "Payments ledger on our own hosts, 40 GB."], "ce");
        var playbook = File.ReadAllText(Path.Combine(root, "deploy", "ansible", "deploy.yml"));

        Assert.Empty(IprotoTlsFiles.In(File.ReadAllText(Path.Combine(root, "tarantool", "config.yaml"))));
        Assert.DoesNotContain("tls", playbook, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("files/tls", File.ReadAllText(Path.Combine(root, "docs", "setup.md")), StringComparison.Ordinal);
    }

    [ToolFact("ansible-playbook")]
    public async Task Enterprise_vm_playbook_passes_syntax_check()
    {
        var ansible = Path.Combine(await Plan(EnterpriseVm, "syntax"), "deploy", "ansible");
        var (code, output) = ExternalTool.Run("ansible-playbook", ["--syntax-check", "-i", "inventory.yml", "deploy.yml"], ansible,
            new Dictionary<string, string> { ["ANSIBLE_LOCAL_TEMP"] = Path.Combine(Path.GetTempPath(), "ansible-local"), ["ANSIBLE_NOCOLOR"] = "1" });
        Assert.True(code == 0, output);
    }

    private async Task<string> Plan(string[] args, string name)
    {
        var output = _temp.Combine(name);
        var result = await CliRunner.RunAsync(["plan", .. args, "--output", output]);
        Assert.True(result.ExitCode == 0, result.Error + result.Out);
        return output;
    }

    private static List<YamlMappingNode> LoadPlays(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return [.. ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>()];
    }

    private static IEnumerable<YamlMappingNode> Tasks(YamlMappingNode play) =>
        play.Children.TryGetValue(new YamlScalarNode("tasks"), out var tasks) ? ((YamlSequenceNode)tasks).Children.Cast<YamlMappingNode>() : [];

    private static IEnumerable<YamlMappingNode> Loop(YamlMappingNode task) =>
        task.Children.TryGetValue(new YamlScalarNode("loop"), out var loop) && loop is YamlSequenceNode items ? items.Children.OfType<YamlMappingNode>() : [];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

    public void Dispose() => _temp.Dispose();
}
