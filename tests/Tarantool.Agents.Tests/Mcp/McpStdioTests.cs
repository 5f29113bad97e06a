using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>
/// <c>tarantool-agents mcp</c> as a desktop assistant runs it: the built CLI as a child process, the official C# SDK
/// client on its stdin/stdout (a single stray byte on stdout would break the client's reads).
/// </summary>
public sealed class McpStdioTests(McpStdioServer server) : IClassFixture<McpStdioServer>
{
    [Fact]
    public async Task The_client_lists_the_three_tools_with_camelCase_arguments_described_and_enumerated() =>
        await McpScenarios.ListsTheToolsWithCamelCaseSchemasAsync(server.Client, "intake", "plan_cluster", "validate_config");

    [Fact]
    public async Task Intake_resolves_a_Russian_description() =>
        await McpScenarios.ResolvesARussianDescriptionAsync(server.Client);

    [Fact]
    public async Task Plan_cluster_writes_the_bundle_with_progress_and_its_config_reads_as_a_file_resource()
    {
        var planned = await McpScenarios.PlansWithProgressAsync(server.Client);
        var folder = planned.GetProperty("bundleFolder").GetString()!;
        Assert.Equal(Path.Combine(server.OutputRoot, "orders-production"), folder);

        var config = await McpScenarios.ReadsTheConfigThroughResourcesAsync(server.Client, planned);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(folder, "tarantool", "config.yaml")), config);
        var uri = planned.GetProperty("mainFiles")[0].GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", uri);

        await McpScenarios.ValidatesConfigsAsync(server.Client, config);

        // Paths outside the bundle are refused, however they are spelled.
        foreach (var outside in new[]
                 {
                     "file:///etc/passwd",
                     new Uri(Path.Combine(folder, "..", "..", "secret.txt")).AbsoluteUri,
                     new Uri(folder).AbsoluteUri + "/../../../etc/passwd",
                     new Uri(folder).AbsoluteUri + "/%2e%2e/%2e%2e/etc/passwd",
                     new Uri(Path.Combine(folder, ".tarantool-agents", "lock")).AbsoluteUri,
                     "bundle://orders/tarantool/config.yaml",
                     "not a uri",
                 })
        {
            var refused = await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.ReadResourceAsync(outside).AsTask());
            Assert.DoesNotContain("root:", refused.Message);
        }

        // A link planted inside the bundle does not lead out of it.
        var link = Path.Combine(folder, "docs", "planted.md");
        File.CreateSymbolicLink(link, "/etc/hostname");
        await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.ReadResourceAsync(new Uri(link).AbsoluteUri).AsTask());
        Assert.DoesNotContain(await server.Client.ListResourcesAsync(), r => r.Uri.EndsWith("planted.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_arguments_are_tool_errors_naming_the_field_and_nothing_is_written()
    {
        await McpScenarios.RefusesBadArgumentsNamingTheFieldAsync(server.Client);
        Assert.False(Directory.Exists(Path.Combine(server.OutputRoot, McpScenarios.RefusedCluster + "-production")), "a refused request wrote a bundle");

        // The server is still there and answers.
        var tools = await server.Client.ListToolsAsync();
        Assert.Equal(3, tools.Count);
    }
}
