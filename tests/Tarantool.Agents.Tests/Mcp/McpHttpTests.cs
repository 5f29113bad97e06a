using System.Text.Json;
using ModelContextProtocol;

namespace Tarantool.Agents.Tests.Mcp;

/// <summary>
/// <c>/mcp</c> on <c>serve</c> through the official C# SDK client over streamable HTTP: the same tools (plus get_run),
/// plan_cluster as a run of the service, bundle files as <c>bundle://{run}/{path}</c> resources.
/// </summary>
public sealed class McpHttpTests(McpHttpServer server) : IClassFixture<McpHttpServer>
{
    [Fact]
    public async Task The_client_lists_the_tools_with_camelCase_arguments_and_get_run() =>
        await McpScenarios.ListsTheToolsWithCamelCaseSchemasAsync(server.Client, "intake", "plan_cluster", "validate_config", "get_run");

    [Fact]
    public async Task Intake_resolves_a_Russian_description() =>
        await McpScenarios.ResolvesARussianDescriptionAsync(server.Client);

    [Fact]
    public async Task Plan_cluster_is_a_run_of_the_service_whose_config_reads_through_bundle_resources()
    {
        var planned = await McpScenarios.PlansWithProgressAsync(server.Client);
        var runId = planned.GetProperty("runId").GetString()!;
        Assert.StartsWith("run_", runId);
        Assert.False(planned.TryGetProperty("bundleFolder", out _), "a service run exposes no server folder");
        var links = planned.GetProperty("links");
        Assert.Equal(new Uri(server.BaseAddress, $"/v1/runs/{runId}/bundle.zip").ToString(), links.GetProperty("bundle").GetString());

        var config = await McpScenarios.ReadsTheConfigThroughResourcesAsync(server.Client, planned);
        Assert.StartsWith($"bundle://{runId}/", planned.GetProperty("mainFiles")[0].GetProperty("uri").GetString());
        // The resource is the very file the runs API serves.
        Assert.Equal(await server.Http.GetStringAsync(new Uri(server.BaseAddress, $"/v1/runs/{runId}/files/tarantool/config.yaml")), config);

        var run = await server.Client.CallToolAsync("get_run", new Dictionary<string, object?> { ["runId"] = runId });
        Assert.False(run.IsError, McpScenarios.Text(run));
        var info = run.StructuredContent!.Value;
        Assert.Equal("succeeded", info.GetProperty("status").GetString());
        Assert.Equal(10, info.GetProperty("phases").GetArrayLength());
        Assert.All(info.GetProperty("phases").EnumerateArray(), p => Assert.Equal("succeeded", p.GetProperty("status").GetString()));
        Assert.Contains("Комплект готов", info.GetProperty("summary").GetString());

        await McpScenarios.ValidatesConfigsAsync(server.Client, config);

        foreach (var outside in new[]
                 {
                     $"bundle://{runId}/../../runs.db",
                     $"bundle://{runId}/%2e%2e/%2e%2e/runs.db",
                     $"bundle://{runId}/.tarantool-agents/lock",
                     $"bundle://{runId}//etc/passwd",
                     $"bundle://{runId}/",
                     "bundle://run_AAAAAAAAAAAAAAAAAAAAAA/tarantool/config.yaml",
                     "bundle://../tarantool/config.yaml",
                     "file:///etc/passwd",
                 })
        {
            await Assert.ThrowsAsync<McpProtocolException>(() => server.Client.ReadResourceAsync(outside).AsTask());
        }

        var unknown = await server.Client.CallToolAsync("get_run", new Dictionary<string, object?> { ["runId"] = "run_nope" });
        Assert.True(unknown.IsError);
        Assert.Contains("runId", McpScenarios.Text(unknown));
    }

    [Fact]
    public async Task Bad_arguments_are_tool_errors_naming_the_field_and_no_run_is_created()
    {
        await McpScenarios.RefusesBadArgumentsNamingTheFieldAsync(server.Client);
        using var runs = JsonDocument.Parse(await server.Http.GetStringAsync(new Uri(server.BaseAddress, "/v1/runs?limit=100")));
        Assert.DoesNotContain(runs.RootElement.GetProperty("data").EnumerateArray(),
            r => r.GetProperty("request").TryGetProperty("clusterName", out var name) && name.GetString() == McpScenarios.RefusedCluster);
    }
}
