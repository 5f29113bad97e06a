using Tarantool.Agents.ClusterConfig;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// The tt files of every sample bundle hold only settings current tt reads. tt decodes tt.yaml with mapstructure
/// without rejecting unknown keys, so a misspelt or removed key would not fail: it would silently do nothing.
/// </summary>
public sealed partial class TtSettingsConformanceTests(SampleBundlesFixture bundles) : IClassFixture<SampleBundlesFixture>
{
    public static TheoryData<string> SampleFiles => Samples.Files();

    /// <summary>
    /// The keys of tt's <c>config.CliOpts</c> (github.com/tarantool/tt, <c>cli/config/config.go</c>, the
    /// <c>mapstructure</c> tags of TtEnvOpts, ModulesOpts, AppOpts, EEOpts, TemplateOpts and RepoOpts), as of tt 2.x
    /// after "tt: remove log rotation configuration" (1f55d48b) dropped <c>log_maxsize</c>, <c>log_maxage</c> and
    /// <c>log_maxbackups</c>.
    /// </summary>
    private static readonly Dictionary<string, string[]> TtYamlKeys = new(StringComparer.Ordinal)
    {
        ["env"] = ["bin_dir", "inc_dir", "instances_enabled", "restart_on_failure", "tarantoolctl_layout", "output_history_max"],
        ["modules"] = ["directory"],
        ["app"] = ["run_dir", "log_dir", "wal_dir", "memtx_dir", "vinyl_dir"],
        ["ee"] = ["credential_path"],
        ["templates"] = ["path"],
        ["repo"] = ["rocks", "distfiles"],
    };

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Tt_yaml_uses_only_keys_tt_reads(string sample)
    {
        var root = bundles.BundleOf(sample);
        var ttYaml = Path.Combine(root, "tarantool", "tt.yaml");
        // Cartridge applications ship without one; deploy.yml then writes env.instances_enabled only.
        if (!File.Exists(ttYaml)) return;

        var unknown = UnknownKeys(Load(ttYaml)).ToList();

        Assert.True(unknown.Count == 0, "tt ignores: " + string.Join(", ", unknown));
        Assert.Equal(".", Scalar(Load(ttYaml), "env", "instances_enabled"));
    }

    [Fact]
    public void The_check_catches_keys_tt_dropped_or_never_had()
    {
        var stale = Parse("env:\n  instances_enabled: .\n  log_maxsize: 100\napp:\n  run_dir: var/run\n  data_dir: var/lib\ncluster: {}\n");

        Assert.Equal(["env.log_maxsize", "app.data_dir", "cluster"], UnknownKeys(stale));
        Assert.Empty(UnknownKeys(Parse(TtEnvironmentYaml.RenderTtYaml("orders"))));
    }

    /// <summary>
    /// instances.yml is what tt starts: every key is an instance name, and with a cluster config every instance it
    /// lists must exist in config.yaml (tt starts <c>app:instance</c> by looking the name up there) and vice versa.
    /// </summary>
    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Instances_yml_lists_exactly_the_instances_of_the_cluster_config(string sample)
    {
        var root = bundles.BundleOf(sample);
        var instances = Load(Path.Combine(root, "tarantool", "instances.yml"));
        Assert.NotEmpty(instances.Children);
        var listed = instances.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).Order(StringComparer.Ordinal).ToList();

        var config = Path.Combine(root, "tarantool", "config.yaml");
        if (!File.Exists(config)) return; // box.cfg and Cartridge: instances.yml is the only list
        var document = ClusterConfigDocument.Parse(File.ReadAllText(config), out var error);
        Assert.True(document is not null, error);
        Assert.Equal(document.Instances.Select(i => i.Instance!).Order(StringComparer.Ordinal), listed);
        Assert.All(instances.Children.Values, v => Assert.True(v is YamlScalarNode { Value: null or "" } or YamlMappingNode { Children.Count: 0 }, "a cluster-config instance needs no settings in instances.yml"));
    }

    /// <summary>
    /// The bundle states one required tt release, and it is the one that has the commands and flags the bundle uses
    /// (tarantool/tt CHANGELOG: <c>tt start --interactive</c> 2.4.0, <c>tt stop -y</c> 2.5.0, <c>tt play/cat
    /// --timestamp</c> 2.6.0): every "tt X.Y" in every file of the bundle names <see cref="TtRelease.MinimumVersion"/>.
    /// </summary>
    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Every_file_names_the_one_required_tt_version(string sample)
    {
        var root = bundles.BundleOf(sample);
        var mentions = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("bundle.json", StringComparison.Ordinal))
            .SelectMany(f => TtVersionMention().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Version: m.Groups[1].Value)))
            .ToList();

        var usesTimestamp = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("--timestamp", StringComparison.Ordinal));
        if (usesTimestamp) Assert.True(Version.Parse(TtRelease.MinimumVersion) >= new Version(2, 6), "tt play/cat --timestamp came with tt 2.6.0");
        Assert.Contains(mentions, m => m.File == Path.Combine("docs", "setup.md"));
        Assert.All(mentions, m => Assert.True(m.Version == TtRelease.MinimumVersion, $"{m.File} names tt {m.Version}, the bundle requires tt {TtRelease.MinimumVersion}"));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\btt (?:версии |version |release )?(\d+\.\d+)(?:\.\d+)?\b")]
    private static partial System.Text.RegularExpressions.Regex TtVersionMention();

    private static IEnumerable<string> UnknownKeys(YamlMappingNode root)
    {
        foreach (var (key, value) in root.Children)
        {
            var section = ((YamlScalarNode)key).Value!;
            if (!TtYamlKeys.TryGetValue(section, out var allowed)) { yield return section; continue; }
            var entries = value switch
            {
                YamlMappingNode map => [map],
                YamlSequenceNode seq => seq.Children.OfType<YamlMappingNode>().ToList(),
                _ => new List<YamlMappingNode>(),
            };
            foreach (var entry in entries)
                foreach (var child in entry.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))
                    if (!allowed.Contains(child)) yield return $"{section}.{child}";
        }
    }

    private static YamlMappingNode Load(string path) => Parse(File.ReadAllText(path));

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode root, params string[] path)
    {
        YamlNode node = root;
        foreach (var key in path)
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node!)) return null;
        return (node as YamlScalarNode)?.Value;
    }
}
