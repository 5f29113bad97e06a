using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Security;

/// <summary>The request log: one structured line per request, naming the caller by key id, never by key or description.</summary>
public sealed class RequestLogTests
{
    private const string Key = "ta-log-key-0123456789abcdef-SECRET";
    private const string WrongKey = "ta-log-wrong-key-0123456789-SECRET";
    private const string Description = "Payments ledger for Zanzibar-Quokka-7731, 300 GB, sharded";

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Requests_are_logged_with_method_path_status_duration_and_key_id_but_no_key_or_description(string format)
    {
        await using var server = await SecuredServer.StartAsync(new Dictionary<string, string?>
        {
            ["Server:ApiKeys:0"] = Key,
            ["Server:Log:Format"] = format,
        });
        using var http = server.Client(Key);
        using var ok = await http.PostAsync("/v1/chat/completions", new StringContent(ApiKeyTests.ChatBody(Description), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(ApiKeyTests.ChatBody(Description), Encoding.UTF8, "application/json") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WrongKey);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client().SendAsync(wrong)).StatusCode);
        using var probe = await server.Client().GetAsync("/healthz");

        await server.LogContainingAsync(format == "text" ? "responded 200" : "\"StatusCode\":200");
        var log = await server.LogContainingAsync(format == "text" ? "responded 401" : "\"StatusCode\":401");
        var keyId = SecuredServer.KeyId(Key);
        Assert.DoesNotContain("SECRET", log);
        Assert.DoesNotContain("Zanzibar", log);
        Assert.DoesNotContain("/healthz", log);
        if (format == "text")
        {
            Assert.Matches($@"HTTP POST /v1/chat/completions responded 200 in \d+\.\d ms \(key {keyId}\)", log);
            Assert.Matches(@"HTTP POST /v1/chat/completions responded 401 in \d+\.\d ms \(wrong key\)", log);
            return;
        }

        var events = log.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var requests = events.Where(e => e.TryGetProperty("RequestPath", out _)).ToList();
        Assert.Equal(2, requests.Count);
        var first = requests.Single(r => r.GetProperty("StatusCode").GetInt32() == 200);
        Assert.Equal("POST", first.GetProperty("RequestMethod").GetString());
        Assert.Equal("/v1/chat/completions", first.GetProperty("RequestPath").GetString());
        Assert.Equal(200, first.GetProperty("StatusCode").GetInt32());
        Assert.True(first.GetProperty("Elapsed").GetDouble() >= 0);
        Assert.Equal(keyId, first.GetProperty("KeyId").GetString());
        var refused = requests.Single(r => r.GetProperty("StatusCode").GetInt32() == 401);
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("KeyId").ValueKind);
    }
}
