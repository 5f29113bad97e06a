using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>Model limits that cannot work stop the run with exit 2 and a clear message before any phase runs.</summary>
public sealed class ModelLimitsBadInputTests : IDisposable
{
    private static readonly string[] Plan = ["plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string, string> Settings => new()
    {
        { "Model:ContextWindow", "0", "Model:ContextWindow must be a positive number" },
        { "Model:ContextWindow", "-4096", "Model:ContextWindow must be a positive number" },
        { "Model:MaxOutputTokens", "lots", "Model:MaxOutputTokens" },
        { "Model:MaxOutputTokens", "200000", "larger than Model:ContextWindow" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task A_limit_that_cannot_work_is_refused(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value, ["Model:ContextWindow"] = key == "Model:ContextWindow" ? value : "128000" };

        var run = await CliRunner.RunAsync([.. Plan, "--output", _temp.Combine("out")], settings: settings);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }

    [Fact]
    public async Task An_endpoint_whose_model_list_is_garbage_is_refused_before_any_phase_runs()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        var chats = 0;
        app.MapGet("/v1/models", () => Results.Text("<html><body>It works!</body></html>", "text/html"));
        app.MapPost("/v1/chat/completions", () =>
        {
            Interlocked.Increment(ref chats);
            return Results.StatusCode(500);
        });
        await app.StartAsync();

        var run = await CliRunner.RunAsync([.. Plan, "--output", _temp.Combine("out"), "--provider", "openai-compatible", "--endpoint", app.Urls.First() + "/v1", "--model", "m"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("GET /models answer is not JSON", run.Error);
        Assert.Equal(0, chats);
        Assert.False(Directory.Exists(_temp.Combine("out")));
    }
}
