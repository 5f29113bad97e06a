using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Page;

/// <summary>The page's HTTP surface without a browser: language negotiation, security headers, narrative fragments.</summary>
public sealed class PageEndpointTests : IAsyncLifetime
{
    private ServedService _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ServedService.StartAsync();
        _http = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData("ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7", "ru")]
    [InlineData("en-US,en;q=0.9,ru;q=0.8", "en")]
    [InlineData("de-DE,de;q=0.9,ru;q=0.5", "ru")]
    [InlineData("fr-FR", "en")]
    [InlineData("", "en")]
    [InlineData("ru;q=abc", "en")]
    public async Task The_page_opens_in_the_language_the_browser_prefers(string acceptLanguage, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (acceptLanguage.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<html lang=\"{language}\">", await response.Content.ReadAsStringAsync());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task The_page_and_its_assets_forbid_inline_and_foreign_script()
    {
        foreach (var path in new[] { "/", "/page/app.js", "/page/app.css" })
        {
            using var response = await _http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", policy);
            Assert.DoesNotContain("unsafe-inline", policy);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }
    }

    [Fact]
    public async Task A_narrative_is_a_sandboxed_html_fragment_and_bad_names_are_json_errors()
    {
        using var created = await _http.PostAsJsonAsync("/v1/runs", new Dictionary<string, object>
        {
            ["description"] = "Product catalog cache, 5 GB, 2k RPS.",
            ["cluster-name"] = "catalog",
            ["cluster-type"] = "single-instance",
            ["environment"] = "development",
        });
        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        // Until the run finishes there is no narrative yet: a conflict, not a missing page.
        var early = await _http.GetAsync($"/v1/runs/{id}/narratives/topology.html");
        Assert.True(early.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.OK, $"got {early.StatusCode}");

        await WaitUntilFinishedAsync(id);
        using var narrative = await _http.GetAsync($"/v1/runs/{id}/narratives/topology.html");
        Assert.Equal(HttpStatusCode.OK, narrative.StatusCode);
        Assert.Equal("text/html", narrative.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("sandbox", string.Join(";", narrative.Headers.GetValues("Content-Security-Policy")));
        var html = await narrative.Content.ReadAsStringAsync();
        Assert.StartsWith("<h1>Cluster topology: catalog</h1>", html);
        Assert.DoesNotContain("<script", html);

        foreach (var (path, status) in new[]
        {
            ($"/v1/runs/{id}/narratives/no-such-phase.html", HttpStatusCode.NotFound),
            ($"/v1/runs/{id}/narratives/..%2Fbundle.html", HttpStatusCode.NotFound),
            ($"/v1/runs/{id}/narratives/Topology.html", HttpStatusCode.NotFound),
            ("/v1/runs/run_unknown/narratives/topology.html", HttpStatusCode.NotFound),
        })
        {
            using var response = await _http.GetAsync(path);
            Assert.Equal(status, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("error").GetProperty("message").GetString()), path);
        }
    }

    private async Task WaitUntilFinishedAsync(string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var run = await _http.GetFromJsonAsync<JsonElement>($"/v1/runs/{id}");
            var status = run.GetProperty("status").GetString();
            if (status is "succeeded") return;
            Assert.True(status is "queued" or "running", $"the run ended {status}: {run}");
            await Task.Delay(250);
        }

        throw new TimeoutException($"The run {id} did not finish within 4 minutes.");
    }
}
