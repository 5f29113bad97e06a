using System.ClientModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenAI;
using OpenAI.Chat;

namespace Tarantool.Agents.Tests.Server;

/// <summary>
/// Model <c>tarantool-agents</c> end to end: the official OpenAI SDK against <c>serve</c> on real Kestrel with the
/// runs service and the offline expert.
/// </summary>
public sealed partial class PlannerChatTests : IAsyncLifetime
{
    private ServedPlanner _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public async Task InitializeAsync() => _server = await ServedPlanner.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private ChatClient Planner => new("tarantool-agents", new ApiKeyCredential("unused"),
        new OpenAIClientOptions { Endpoint = new Uri(_server.Endpoint), NetworkTimeout = TimeSpan.FromMinutes(10) });

    [Fact]
    public async Task The_planner_is_listed_beside_the_expert()
    {
        using var doc = JsonDocument.Parse(await _http.GetStringAsync(_server.Endpoint + "/models"));
        var ids = doc.RootElement.GetProperty("data").EnumerateArray().Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["tarantool-expert", "tarantool-agents"], ids);
    }

    [Fact]
    public async Task A_conversation_asks_for_missing_fields_plans_and_replans_follow_ups()
    {
        List<ChatMessage> history = [new UserChatMessage("I need a sharded Tarantool cluster for orders on AWS, 300 GB, 40k reads per second, 4 shards")];
        var ask = await SayAsync(history);
        Assert.Contains("**environment** (development, staging, production)", ask);
        Assert.Contains("**cluster name**", ask);
        Assert.DoesNotContain("/v1/runs/", ask);
        using (var runs = JsonDocument.Parse(await _http.GetStringAsync(_server.Endpoint + "/runs")))
            Assert.Empty(runs.RootElement.GetProperty("data").EnumerateArray());

        var planned = await SayAsync(history, "production, a cluster named orders");
        var first = RunId(planned);
        Assert.Contains("**orders** — a sharded cluster, production, aws (kubernetes)", planned);
        Assert.Contains("**Shape:** 4 shards × 3 instances", planned);
        Assert.Contains("10/10 phases succeeded", planned);
        Assert.Contains($"{_server.Endpoint}/runs/{first}/files/tarantool/config.yaml", planned);
        var config = await _http.GetStringAsync($"{_server.Endpoint}/runs/{first}/files/tarantool/config.yaml");
        Assert.Contains("sharding:", config);

        var moved = await SayAsync(history, "move it to GCP");
        var second = RunId(moved);
        Assert.NotEqual(first, second);
        Assert.Contains("Changed: cloud provider `aws` → `gcp`", moved);
        using (var bundle = await BundleJsonAsync(second))
        {
            Assert.Equal("gcp", bundle.RootElement.GetProperty("request").GetProperty("cloudProvider").GetString());
            // The phases whose prompts do not carry the cloud, and whose inputs stayed the same, come from the first run.
            Assert.Equal(CloudChangeReuses, Reused(bundle));
        }

        Assert.Contains($"{CloudChangeReuses.Length} reused from `{first}`", moved);
        using (var movedRun = JsonDocument.Parse(await _http.GetStringAsync($"{_server.Endpoint}/runs/{second}")))
        {
            Assert.Equal(first, movedRun.RootElement.GetProperty("reused_from").GetString());
            Assert.Equal(CloudChangeReuses, Reused(movedRun));
        }

        // The same request again: every phase's inputs are unchanged, so all ten come from the previous run.
        var again = await SayAsync(history, "re-plan");
        var third = RunId(again);
        Assert.Contains($"10 reused from `{second}`", again);
        using (var bundle = await BundleJsonAsync(third))
        {
            var phases = bundle.RootElement.GetProperty("phases").EnumerateArray().ToList();
            Assert.Equal(10, phases.Count);
            Assert.All(phases, p => Assert.True(p.GetProperty("reused").GetBoolean(), p.GetProperty("key").GetString()));
        }

        using var run = JsonDocument.Parse(await _http.GetStringAsync($"{_server.Endpoint}/runs/{third}"));
        Assert.Equal(second, run.RootElement.GetProperty("reused_from").GetString());
    }

    [Fact]
    public async Task A_streamed_russian_conversation_reports_each_phase_then_the_summary_and_a_follow_up_changes_the_shards()
    {
        List<ChatMessage> history = [new UserChatMessage("Нужен шардированный кластер с именем orders для продакшена в AWS, 4 шарда, 300 ГБ")];
        var streamed = new StringBuilder();
        var chunks = 0;
        await foreach (var update in Planner.CompleteChatStreamingAsync(history))
        {
            chunks++;
            foreach (var part in update.ContentUpdate) streamed.Append(part.Text);
        }

        var text = streamed.ToString();
        Assert.True(chunks > 20, $"only {chunks} chunks:\n{text}");
        string[] keys = ["capacity-planning", "topology", "backup-recovery", "configuration", "replication", "containers-orchestration", "monitoring", "dr-testing", "documentation", "deployment-automation"];
        foreach (var (key, index) in keys.Select((k, i) => (k, i + 1)))
        {
            var started = text.IndexOf($"▶ {index:00} {key}: начата", StringComparison.Ordinal);
            var done = text.IndexOf($"✓ {index:00} {key}: готова", StringComparison.Ordinal);
            Assert.True(started >= 0 && done > started, $"phase {key} not reported in order:\n{text}");
        }

        var summary = text.IndexOf("**Состав кластера:**", StringComparison.Ordinal);
        Assert.True(summary > text.IndexOf("✓ 10 deployment-automation", StringComparison.Ordinal));
        Assert.Contains("**Состав кластера:** 4 шарда ×", text);
        var first = RunId(text);
        var narrative = await _http.GetStringAsync($"{_server.Endpoint}/runs/{first}/files/phases/01-capacity-planning.md");
        Assert.Matches("[а-я]{5}", narrative);

        history.Add(new AssistantChatMessage(text));
        var changed = await SayAsync(history, "сделай 6 шардов");
        var second = RunId(changed);
        Assert.NotEqual(first, second);
        Assert.Contains("Изменено: число шардов `4` → `6`", changed);
        Assert.Contains("**Состав кластера:** 6 шардов ×", changed);

        // A streamed follow-up that changes only the retention: the phases that do not carry it are reused, and the
        // stream says so for each of them.
        history.Add(new UserChatMessage("хранить бэкапы 7 дней"));
        streamed.Clear();
        await foreach (var update in Planner.CompleteChatStreamingAsync(history))
            foreach (var part in update.ContentUpdate) streamed.Append(part.Text);
        var retained = streamed.ToString();
        var third = RunId(retained);
        Assert.NotEqual(second, third);
        foreach (var (key, index) in keys.Select((k, i) => (k, i + 1)))
        {
            var reused = RetentionChangeReuses.Contains(key);
            Assert.True(retained.Contains($"✓ {index:00} {key}: {(reused ? "взята из прошлого запуска" : "готова")}", StringComparison.Ordinal),
                $"phase {key} should be {(reused ? "reused" : "run again")}:\n{retained}");
        }

        using var bundle = await BundleJsonAsync(third);
        Assert.Equal(7, bundle.RootElement.GetProperty("request").GetProperty("backupRetentionDays").GetInt32());
        Assert.Equal(RetentionChangeReuses, Reused(bundle));
    }

    [Fact]
    public async Task Raw_streams_are_openai_chunks_ending_with_done()
    {
        const string body = """{"model": "tarantool-agents", "stream": true, "messages": [{"role": "user", "content": "A replicated cluster for sessions"}]}""";
        using var response = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));
        var events = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("text/event-stream", response.Content.Headers.ContentType!.ToString());
        Assert.EndsWith("data: [DONE]\n\n", events);
        var chunks = events.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(e => JsonDocument.Parse(e["data: ".Length..])).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.RootElement.GetProperty("object").GetString()));
        Assert.Equal("stop", chunks[^1].RootElement.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Contains("**environment**", string.Concat(chunks.Select(c => c.RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var t) ? t.GetString() : "")));
    }

    [Theory]
    [InlineData("""{"model": "tarantool-agents", "messages": [{"role": "system", "content": "You are helpful."}]}""")]
    [InlineData("""{"model": "tarantool-agents", "messages": [{"role": "user", "content": "   "}]}""")]
    public async Task A_chat_without_a_user_message_gets_a_400_json_error_and_no_run(string body)
    {
        using var response = await _http.PostAsync(_server.Endpoint + "/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("user message", doc.RootElement.GetProperty("error").GetProperty("message").GetString());
        using var runs = JsonDocument.Parse(await _http.GetStringAsync(_server.Endpoint + "/runs"));
        Assert.Empty(runs.RootElement.GetProperty("data").EnumerateArray());

        var error = await Assert.ThrowsAsync<ClientResultException>(() => Planner.CompleteChatAsync([new SystemChatMessage("You are helpful.")]));
        Assert.Equal(400, error.Status);
    }

    /// <summary>The phases a follow-up reuses when it changes the cloud, or only the backup retention, of the sharded
    /// orders cluster: those whose prompts carry neither that field nor an input that changed (README, the service).</summary>
    private static readonly string[] CloudChangeReuses = ["capacity-planning"];

    private static readonly string[] RetentionChangeReuses = ["capacity-planning", "topology", "containers-orchestration"];

    /// <summary>Keys of the phases marked <c>reused</c> in a <c>bundle.json</c> or a run.</summary>
    private static List<string> Reused(JsonDocument document) =>
        [.. document.RootElement.GetProperty("phases").EnumerateArray().Where(p => p.GetProperty("reused").GetBoolean()).Select(p => p.GetProperty("key").GetString()!)];

    private async Task<string> SayAsync(List<ChatMessage> history, string? user = null)
    {
        if (user is not null) history.Add(new UserChatMessage(user));
        var completion = (await Planner.CompleteChatAsync(history)).Value;
        var text = completion.Content[0].Text;
        history.Add(new AssistantChatMessage(text));
        return text;
    }

    private async Task<JsonDocument> BundleJsonAsync(string runId) =>
        JsonDocument.Parse(await _http.GetStringAsync($"{_server.Endpoint}/runs/{runId}/files/bundle.json"));

    private static string RunId(string reply) =>
        BundleLink().Match(reply) is { Success: true } match ? match.Groups["id"].Value : throw new Xunit.Sdk.XunitException($"No bundle link in:\n{reply}");

    [GeneratedRegex(@"/v1/runs/(?<id>run_[A-Za-z0-9_-]+)/bundle\.zip")]
    private static partial Regex BundleLink();
}
