using System.Net;
using System.Text;
using System.Text.Json;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Server;

public sealed class ExpertServerTests : IAsyncLifetime
{
    private ServedExpert _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await ServedExpert.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Lists_the_expert_model()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(_server.Endpoint + "/models"));
        Assert.Equal("tarantool-expert", doc.RootElement.GetProperty("data")[0].GetProperty("id").GetString());
    }

    public static TheoryData<string, HttpStatusCode, string> BadBodies => new()
    {
        { "{", HttpStatusCode.BadRequest, "not a valid chat completion request" },
        { "[]", HttpStatusCode.BadRequest, "not a valid chat completion request" },
        { "{\"model\": \"tarantool-expert\"}", HttpStatusCode.BadRequest, "messages" },
        { "{\"model\": \"tarantool-expert\", \"messages\": []}", HttpStatusCode.BadRequest, "messages" },
        { "{\"model\": \"tarantool-expert\", \"messages\": [{\"role\": \"wizard\", \"content\": \"hi\"}]}", HttpStatusCode.BadRequest, "role" },
        { "{\"model\": \"tarantool-expert\", \"messages\": [{\"role\": \"user\", \"content\": 42}]}", HttpStatusCode.BadRequest, "content" },
        { "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", HttpStatusCode.BadRequest, "model" },
        { "{\"model\": \"gpt-5\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", HttpStatusCode.NotFound, "gpt-5" },
        { "{\"model\": \"tarantool-expert\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}], \"stream\": \"yes\"}", HttpStatusCode.BadRequest, "not a valid" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Malformed_requests_get_a_4xx_with_a_json_error(string body, HttpStatusCode status, string mentioned)
    {
        using var response = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(status, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = doc.RootElement.GetProperty("error").GetProperty("message").GetString()!;
        Assert.Contains(mentioned, message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", message);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var response = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent("model=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_non_phase_question_gets_a_polite_answer_in_the_openai_shape_and_streams_end_with_done()
    {
        const string body = "{\"model\": \"tarantool-expert\", \"messages\": [{\"role\": \"user\", \"content\": \"hello\"}]}";
        using var plain = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        using var doc = JsonDocument.Parse(await plain.Content.ReadAsStringAsync());
        Assert.Equal("chat.completion", doc.RootElement.GetProperty("object").GetString());
        Assert.Contains("<request>", doc.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());

        var streaming = body.Replace("}]}", "}], \"stream\": true}");
        using var stream = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent(streaming, Encoding.UTF8, "application/json"));
        var events = await stream.Content.ReadAsStringAsync();
        Assert.StartsWith("text/event-stream", stream.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("data: [DONE]\n\n", events);
    }
}
