using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>A model endpoint that cannot be reached or refuses the call gives one clear line, no stack trace.</summary>
public sealed class ModelFailureTests : IDisposable
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Model:Resilience:BaseDelaySeconds"] = "0.01",
        ["Model:Resilience:MaxDelaySeconds"] = "0.05",
        ["Model:Resilience:MaxRetries"] = "2",
        ["Model:TimeoutSeconds"] = "10",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A local port that nothing listens on: bound, read and released.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public async Task An_unreachable_endpoint_gives_one_line_naming_what_was_called_what_happened_and_what_to_check()
    {
        var endpoint = $"http://127.0.0.1:{ClosedPort()}/v1";
        var output = _temp.Combine("orders");
        var started = DateTime.UtcNow;

        var result = await CliRunner.RunAsync(
            ["plan", "--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "staging", "--output", output,
             "--provider", "openai-compatible", "--endpoint", endpoint, "--model", "some-model", "Orders"],
            settings: FastRetries);

        Assert.Equal(1, result.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "within the per-call timeout");
        // Before the run, intake says which deployment form it chose; after it, the failure is one line (intake's own
        // model call met the refused connection first: that is not repeated as a warning).
        var errorLines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith("Deployment: ", StringComparison.Ordinal));
        var line = Assert.Single(errorLines);
        Assert.StartsWith("error: calling openai-compatible model 'some-model' at " + endpoint, line);
        Assert.Contains("could not be reached", line);
        Assert.Contains("refused", line, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("check the endpoint", line);
        Assert.DoesNotContain("   at ", result.Out + result.Error);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        var reason = manifest.RootElement.GetProperty("phases")[0].GetProperty("reason").GetString();
        Assert.Contains("Connection refused", reason); // the provider's (here: the socket's) own words
    }

    [Fact]
    public async Task A_refused_key_found_by_intake_is_not_asked_again_by_the_phases()
    {
        var calls = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/v1/models", () => Results.Json(new { data = Array.Empty<object>() }));
        app.MapPost("/v1/chat/completions", () =>
        {
            Interlocked.Increment(ref calls);
            return Results.Json(new { error = new { message = "Incorrect API key provided.", type = "invalid_request_error", code = "invalid_api_key" } }, statusCode: 401);
        });
        await app.StartAsync();
        var endpoint = app.Urls.First() + "/v1";
        var output = _temp.Combine("orders");

        var result = await CliRunner.RunAsync(
            ["plan", "--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "staging", "--output", output,
             "--provider", "openai-compatible", "--endpoint", endpoint, "--model", "some-model", "Orders, 40 GB"],
            settings: FastRetries);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(1, calls); // intake's call; a refused key is not retried, and no phase calls again
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("Deployment: ", StringComparison.Ordinal));
        Assert.Contains("HTTP 401", line);
        Assert.Contains("check the API key", line);

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "bundle.json")));
        var phases = manifest.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.Contains("Incorrect API key provided", phases[0].GetProperty("reason").GetString());
        Assert.DoesNotContain(phases, p => p.GetProperty("status").GetString() == "succeeded");
        // The intake's reading fell back to the rules, and bundle.json says so.
        Assert.Contains(manifest.RootElement.GetProperty("warnings").EnumerateArray(),
            w => w.GetProperty("code").GetString() == "intake.model-reading");
    }

    [Fact]
    public void A_provider_error_keeps_its_own_message_says_what_to_check_and_hides_keys()
    {
        var rejected = new HttpRequestException(
            "HTTP 401 (invalid_request_error: invalid_api_key)\n\nIncorrect API key provided: sk-proj-abcd1234efgh5678.", null, HttpStatusCode.Unauthorized);

        var text = ModelErrors.Describe(rejected);

        Assert.Contains("HTTP 401", text);
        Assert.Contains("Incorrect API key provided", text);
        Assert.Contains("check the API key", text);
        Assert.DoesNotContain("abcd1234", text);
        Assert.DoesNotContain("\n", text);
    }
}
