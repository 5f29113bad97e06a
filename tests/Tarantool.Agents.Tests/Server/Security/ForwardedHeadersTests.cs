using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Tarantool.Agents.Tests.Server.Security;

/// <summary>
/// Behind a load balancer: <c>X-Forwarded-For</c> names the client for rate limits and the request log only when the
/// request comes from a configured proxy; from anyone else (and by default) the header is ignored.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private static Dictionary<string, string?> Limited(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Server:RateLimit:PermitLimit"] = "1",
            ["Server:RateLimit:WindowSeconds"] = "600",
            ["Server:Log:Format"] = "json",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    private static async Task<HttpStatusCode> GetAsFromAsync(SecuredServer server, string client)
    {
        using var http = server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_client_address_has_its_own_budget_and_is_the_one_logged()
    {
        // The test's requests come from 127.0.0.1: here that is the load balancer.
        await using var server = await SecuredServer.StartAsync(Limited(("Server:ForwardedHeaders:KnownProxies:0", "127.0.0.1")));

        Assert.Equal(HttpStatusCode.OK, await GetAsFromAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsFromAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsFromAsync(server, "203.0.113.8"));
        // A client that forges the header behind the proxy is still its own address: the proxy appends the real one.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsFromAsync(server, "198.51.100.1, 203.0.113.8"));

        var log = await server.LogContainingAsync("203.0.113.8");
        var addresses = log.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("RequestPath", out _))
            .Select(e => e.GetProperty("ClientAddress").GetString())
            .ToList();
        Assert.Equal(["203.0.113.7", "203.0.113.7", "203.0.113.8", "203.0.113.8"], addresses);
    }

    [Fact]
    public async Task A_trusted_network_works_like_a_listed_proxy()
    {
        await using var server = await SecuredServer.StartAsync(Limited(("Server:ForwardedHeaders:KnownNetworks:0", "127.0.0.0/8")));

        Assert.Equal(HttpStatusCode.OK, await GetAsFromAsync(server, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await GetAsFromAsync(server, "203.0.113.8"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.0.0.5")]
    public async Task The_header_from_anyone_but_a_configured_proxy_is_ignored(string? proxy)
    {
        var settings = proxy is null ? Limited() : Limited(("Server:ForwardedHeaders:KnownProxies:0", proxy));
        await using var server = await SecuredServer.StartAsync(settings);

        Assert.Equal(HttpStatusCode.OK, await GetAsFromAsync(server, "203.0.113.7"));
        // Another forged address does not buy a new budget: the caller is still 127.0.0.1.
        Assert.Equal(HttpStatusCode.TooManyRequests, await GetAsFromAsync(server, "203.0.113.8"));
        var log = await server.LogContainingAsync("\"StatusCode\":429");
        Assert.DoesNotContain("203.0.113.", log);
    }

    [Fact]
    public async Task Addresses_that_are_not_addresses_fail_the_start_naming_each_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SecuredServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:ForwardedHeaders:KnownProxies:0"] = "balancer.internal",
            ["Server:ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/33",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("Server:ForwardedHeaders:KnownProxies:0 'balancer.internal' is not an IP address", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Server:ForwardedHeaders:KnownNetworks:0 '10.0.0.0/33' is not a network in CIDR notation", StringComparison.Ordinal));
    }
}
