using System.Text.Json;

namespace Tarantool.Agents.Tests.Intake;

public sealed class IntakeResultJsonTests
{
    [Fact]
    public void The_json_has_language_request_sources_and_errors_in_the_project_dialect()
    {
        var result = IntakeFixture.Resolve("4 shards, 300 GB, on AWS", ("cluster-name", "orders"), ("environment", "production"));

        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;

        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("orders", root.GetProperty("request").GetProperty("clusterName").GetString());
        Assert.Equal("sharded", root.GetProperty("request").GetProperty("clusterType").GetString());
        Assert.Equal("aws", root.GetProperty("request").GetProperty("cloudProvider").GetString());
        Assert.Equal(300, root.GetProperty("request").GetProperty("workload").GetProperty("dataSizeGb").GetDouble());
        Assert.Equal("flag", root.GetProperty("sources").GetProperty("clusterName").GetString());
        Assert.Equal("text", root.GetProperty("sources").GetProperty("shardCount").GetString());
        Assert.Equal("default", root.GetProperty("sources").GetProperty("haStrategy").GetString());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        Assert.Equal(0, root.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void A_request_that_could_not_be_built_shows_what_resolved_next_to_the_errors()
    {
        var result = IntakeFixture.ResolveFlags(("cluster-type", "sharded"));

        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;

        Assert.Null(result.Request);
        Assert.Equal("sharded", root.GetProperty("request").GetProperty("clusterType").GetString());
        Assert.False(root.GetProperty("request").TryGetProperty("clusterName", out _));
        Assert.False(root.GetProperty("request").TryGetProperty("environment", out _));
        Assert.Equal(2, root.GetProperty("errors").GetArrayLength());
        Assert.Equal("flag", root.GetProperty("sources").GetProperty("clusterType").GetString());
        Assert.Equal("ru", JsonDocument.Parse(IntakeFixture.Resolve("Нужен кластер").ToJson()).RootElement.GetProperty("language").GetString());
    }
}
