using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// What the topology narrative tells the reader each user can do is what the shipped config grants: the same users,
/// the same roles and the same privileges, and nobody but the local admin has 'super'.
/// </summary>
public sealed partial class GrantsConformanceTests(SampleBundlesFixture bundles) : IClassFixture<SampleBundlesFixture>
{
    public static TheoryData<string> SampleFiles => Samples.Files();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Topology_narrative_describes_exactly_the_grants_of_the_config(string sample)
    {
        var root = bundles.BundleOf(sample);
        var configPath = Path.Combine(root, "tarantool", "config.yaml");
        if (!File.Exists(configPath)) return; // box.cfg and Cartridge bundles have no declarative credentials

        var config = Grants(Parse(File.ReadAllText(configPath)));
        var narrative = File.ReadAllText(Path.Combine(root, "phases", "02-topology.md"));
        var sketch = YamlBlocks(narrative).Select(Parse).SingleOrDefault(b => b.Children.ContainsKey(new YamlScalarNode("credentials")));
        Assert.True(sketch is not null, "the topology narrative shows no credentials block");
        var described = Grants(sketch);

        Assert.Equal(config.Keys.Order(StringComparer.Ordinal), described.Keys.Order(StringComparer.Ordinal));
        foreach (var (user, grants) in config)
            Assert.True(grants.SequenceEqual(described[user]), $"{user}: config grants [{string.Join("; ", grants)}], the narrative says [{string.Join("; ", described[user])}]");
        Assert.All(config, u => Assert.DoesNotContain("role super", u.Value));
        Assert.Contains(config["app"], g => g.StartsWith("execute", StringComparison.Ordinal) && g.Contains("lua_call", StringComparison.Ordinal));
        foreach (var user in config.Keys) Assert.Contains($"`{user}`", narrative, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_sees_a_role_the_config_does_not_grant()
    {
        var config = Grants(Parse("credentials:\n  users:\n    app:\n      privileges:\n        - permissions: [execute]\n          lua_call: [all]\n"));
        var narrative = Grants(Parse("credentials:\n  users:\n    app:\n      roles: [app]\n"));

        Assert.False(config["app"].SequenceEqual(narrative["app"]));
    }

    /// <summary>Per user: "role X" and "perm,perm on universe|spaces lua_call" entries, sorted.</summary>
    private static Dictionary<string, List<string>> Grants(YamlMappingNode root)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (Child(Child(root, "credentials"), "users") is not YamlMappingNode users) return result;
        foreach (var (key, value) in users.Children)
        {
            var grants = new List<string>();
            if (Child(value, "roles") is YamlSequenceNode roles) grants.AddRange(roles.Children.Select(r => $"role {r}"));
            if (Child(value, "privileges") is YamlSequenceNode privileges)
                foreach (var p in privileges.Children)
                    grants.Add(string.Join(",", List(p, "permissions")) + (Child(p, "universe")?.ToString() == "true" ? " universe" : "")
                        + (List(p, "spaces") is { Count: > 0 } s ? " spaces " + string.Join(",", s) : "")
                        + (List(p, "lua_call") is { Count: > 0 } l ? " lua_call " + string.Join(",", l) : ""));
            result[key.ToString()] = [.. grants.Order(StringComparer.Ordinal)];
        }
        return result;
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static List<string> List(YamlNode node, string key) =>
        Child(node, key) is YamlSequenceNode seq ? [.. seq.Children.Select(c => c.ToString()).Order(StringComparer.Ordinal)] : [];

    private static IEnumerable<string> YamlBlocks(string markdown) => YamlBlock().Matches(markdown).Select(m => m.Groups["body"].Value);

    private static YamlMappingNode Parse(string text)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlDotNet.Core.YamlException) { return new YamlMappingNode(); } // other sketches in the narrative
        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map ? map : new YamlMappingNode();
    }

    [GeneratedRegex(@"```yaml\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
