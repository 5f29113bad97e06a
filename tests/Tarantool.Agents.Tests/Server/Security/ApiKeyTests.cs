using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;

namespace Tarantool.Agents.Tests.Server.Security;

/// <summary>API keys over real HTTP: who gets in, who gets a 401, and what stays open.</summary>
public sealed class ApiKeyTests : IAsyncLifetime
{
    private const string KeyA = "ta-test-key-a-0123456789abcdef";
    private const string KeyB = "ta-test-key-b-fedcba9876543210";

    private SecuredServer _server = null!;

    public async Task InitializeAsync() => _server = await SecuredServer.StartAsync(new Dictionary<string, string?>
    {
        ["Server:ApiKeys:0"] = KeyA,
        ["Server:ApiKeys:1"] = KeyB,
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_a_key_every_api_path_answers_401_with_a_bearer_challenge_and_an_openai_error()
    {
        using var http = _server.Client();
        foreach (var (method, path) in new[] { ("GET", "/v1/models"), ("POST", "/v1/chat/completions"), ("GET", "/v1/runs"), ("GET", "/V1/Models"), ("POST", "/mcp") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method == "POST") request.Content = new StringContent(ChatBody("hello"), Encoding.UTF8, "application/json");
            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
            var error = await ErrorOf(response);
            Assert.Equal("missing_api_key", error.GetProperty("code").GetString());
            Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
            Assert.Contains("Authorization: Bearer", error.GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("Bearer ta-test-key-a-0123456789abcdeX")]
    [InlineData("Bearer ta-test-key-a-0123456789abcde")]
    [InlineData("Bearer ")]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("ta-test-key-a-0123456789abcdef")]
    public async Task A_wrong_key_or_scheme_answers_401_without_echoing_what_was_sent(string authorization)
    {
        using var http = _server.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("invalid_api_key", (await ErrorOf(response, body)).GetProperty("code").GetString());
        Assert.DoesNotContain("ta-test-key", body);
    }

    [Fact]
    public async Task Each_configured_key_is_accepted_and_the_scheme_is_case_insensitive()
    {
        foreach (var key in new[] { KeyA, KeyB })
        {
            using var http = _server.Client(key);
            using var response = await http.GetAsync("/v1/models");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var lower = _server.Client();
        lower.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + KeyA);
        Assert.Equal(HttpStatusCode.OK, (await lower.GetAsync("/v1/models")).StatusCode);
    }

    [Fact]
    public async Task The_official_openai_sdk_works_with_a_key_and_reports_401_without_one()
    {
        var options = new OpenAIClientOptions { Endpoint = new Uri(_server.Endpoint) };
        var chat = new ChatClient("tarantool-expert", new ApiKeyCredential(KeyA), options);
        ChatCompletion completion = await chat.CompleteChatAsync([new UserChatMessage("hello")]);
        Assert.Contains("<request>", completion.Content[0].Text);

        var wrong = new ChatClient("tarantool-expert", new ApiKeyCredential("sk-not-a-key-of-this-service"), options);
        var failure = await Assert.ThrowsAsync<ClientResultException>(() => wrong.CompleteChatAsync([new UserChatMessage("hello")]));
        Assert.Equal(401, failure.Status);
        Assert.Contains("not valid", failure.Message);
    }

    [Fact]
    public async Task Health_checks_and_other_paths_stay_anonymous()
    {
        using var http = _server.Client();
        using var health = await http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        // Paths outside /v1 and /mcp (the page shell) are not challenged: no endpoint here answers 404, not 401.
        using var other = await http.GetAsync("/v1x");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Without_configured_keys_the_api_is_anonymous_on_loopback()
    {
        await using var open = await SecuredServer.StartAsync(new Dictionary<string, string?>());
        using var http = open.Client();
        using var response = await http.GetAsync("/v1/models");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A key sent to an anonymous service is ignored rather than refused.
        using var keyed = open.Client(KeyA);
        Assert.Equal(HttpStatusCode.OK, (await keyed.GetAsync("/v1/models")).StatusCode);
    }

    internal static string ChatBody(string text) =>
        JsonSerializer.Serialize(new { model = "tarantool-expert", messages = new[] { new { role = "user", content = text } } });

    internal static async Task<JsonElement> ErrorOf(HttpResponseMessage response, string? body = null)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(body ?? await response.Content.ReadAsStringAsync());
        var error = doc.RootElement.GetProperty("error").Clone();
        Assert.True(error.TryGetProperty("param", out _), "OpenAI's error shape has 'param'");
        return error;
    }
}
