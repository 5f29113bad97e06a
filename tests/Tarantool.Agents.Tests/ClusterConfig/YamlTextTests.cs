using Tarantool.Agents.ClusterConfig;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.ClusterConfig.YamlBuilder;

namespace Tarantool.Agents.Tests.ClusterConfig;

public sealed class YamlTextTests
{
    [Theory]
    [InlineData("{{ context.replicator_password }}", "'{{ context.replicator_password }}'")]
    [InlineData("8081", "'8081'")]
    [InlineData("true", "'true'")]
    [InlineData("off", "'off'")]
    [InlineData("1.5", "'1.5'")]
    [InlineData("", "''")]
    [InlineData("orders-node-1:3301", "orders-node-1:3301")]
    [InlineData("roles.metrics-export", "roles.metrics-export")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("it's", "it's")]
    [InlineData("- x", "'- x'")]
    public void Strings_are_quoted_only_when_yaml_would_mistype_them(string value, string expected)
    {
        var text = YamlText.Write(Map(("k", Str(value))));
        Assert.Equal($"k: {expected}\n", text);
    }

    [Fact]
    public void Layout_is_two_space_block_with_flow_scalar_lists_and_round_trips()
    {
        var node = Map(
            ("roles", Strings(["roles.metrics-export"])),
            ("iproto", Map(("listen", Seq([Map(("uri", Str("h:3301")), ("params", Map(("transport", Str("ssl")))))])))),
            ("empty", Empty()),
            ("count", Int(3)),
            ("f", Num(1)));
        var text = YamlText.Write(node, "header line");
        Assert.Equal("""
            # header line
            roles: [roles.metrics-export]
            iproto:
              listen:
                - uri: h:3301
                  params:
                    transport: ssl
            empty:
            count: 3
            f: 1.0

            """, text);
        var parsed = YamlText.Parse(text, out var error);
        Assert.Null(error);
        Assert.Equal("h:3301", ((YamlScalarNode)ClusterConfigDocument.Get(parsed, "iproto", "listen")!.AllNodes.OfType<YamlScalarNode>().First(s => s.Value == "h:3301")).Value);
    }

    [Fact]
    public void Parse_reports_invalid_yaml()
    {
        Assert.Null(YamlText.Parse("a: [1, 2", out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Name_uuid_matches_tarantool_uuid_from_name_layout()
    {
        var uuid = NameUuid.From("storage-001");
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-00[0-9a-f]{2}-[0-9a-f]{12}$", uuid);
        Assert.Equal(uuid, NameUuid.From("storage-001"));
        Assert.NotEqual(uuid, NameUuid.From("storage-002"));
    }
}
