using System.Net;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Security;

/// <summary>Per-key rate limits over real HTTP: a 429 with Retry-After and an OpenAI-style error, one budget per key.</summary>
public sealed class RateLimitTests
{
    private const string KeyA = "ta-limit-key-a-0123456789abcdef";
    private const string KeyB = "ta-limit-key-b-fedcba9876543210";

    [Fact]
    public async Task A_key_over_its_budget_gets_429_with_retry_after_while_other_keys_and_health_checks_go_on()
    {
        await using var server = await SecuredServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:ApiKeys:0"] = KeyA,
            ["Server:ApiKeys:1"] = KeyB,
            ["Server:RateLimit:PermitLimit"] = "2",
            ["Server:RateLimit:WindowSeconds"] = "600",
        });
        using var a = server.Client(KeyA);
        using var b = server.Client(KeyB);

        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/v1/models")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/v1/models")).StatusCode);
        using var limited = await a.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = limited.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 600);
        var error = await ApiKeyTests.ErrorOf(limited);
        Assert.Equal("rate_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("2 requests per 600 s", error.GetProperty("message").GetString());

        Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/v1/models")).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Callers_without_a_valid_key_share_their_address_budget_so_guessing_keys_is_limited()
    {
        await using var server = await SecuredServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:ApiKeys:0"] = KeyA,
            ["Server:RateLimit:PermitLimit"] = "3",
            ["Server:RateLimit:WindowSeconds"] = "600",
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var guess = server.Client($"ta-guess-{i:D2}-0123456789abcdef");
            statuses.Add((await guess.GetAsync("/v1/models")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        using var valid = server.Client(KeyA);
        Assert.Equal(HttpStatusCode.OK, (await valid.GetAsync("/v1/models")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_address()
    {
        await using var server = await SecuredServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:RateLimit:PermitLimit"] = "1",
            ["Server:RateLimit:WindowSeconds"] = "600",
        });
        using var http = server.Client();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/models")).StatusCode);
        using var limited = await http.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        using var doc = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Contains("client address", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
