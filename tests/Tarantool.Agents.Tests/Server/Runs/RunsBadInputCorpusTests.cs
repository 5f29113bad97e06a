using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// The runs API's bad-input corpus: each entry gets the right 4xx with an OpenAI-shaped JSON error naming the field,
/// no stack trace, and nothing is created (no run listed, no run folder).
/// </summary>
public sealed class RunsBadInputCorpusTests : IAsyncLifetime
{
    private const string Valid = "\"cluster-name\": \"orders\", \"cluster-type\": \"replicated\", \"environment\": \"production\"";

    private readonly TempDirectory _temp = new();
    private ServedRuns _server = null!;

    public async Task InitializeAsync() => _server = await ServedRuns.StartAsync(_temp.Combine("data"));

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }

    public static TheoryData<string, string, string?, string> Bodies => new()
    {
        { "malformed JSON", "{\"cluster-name\": ", null, "not valid JSON" },
        { "not an object", "[\"orders\"]", null, "JSON object" },
        { "an empty body", "", null, "not valid JSON" },
        { "an unknown field", $"{{{Valid}, \"admin-password\": \"hunter2\"}}", "admin-password", "unknown key" },
        { "a field given twice", $"{{{Valid}, \"cluster-name\": \"billing\"}}", "cluster-name", "twice" },
        { "an unknown cluster type", "{\"cluster-name\": \"orders\", \"cluster-type\": \"galaxy\", \"environment\": \"production\"}", "cluster-type", "galaxy" },
        { "an unknown environment", "{\"cluster-name\": \"orders\", \"cluster-type\": \"replicated\", \"environment\": \"prod-ish\"}", "environment", "prod-ish" },
        { "a traversal in the cluster name", "{\"cluster-name\": \"../../etc\", \"cluster-type\": \"replicated\", \"environment\": \"production\"}", "cluster-name", "cluster name" },
        { "a missing cluster type", "{\"cluster-name\": \"orders\", \"environment\": \"production\", \"description\": \"a database\"}", "cluster-type", "--cluster-type is required" },
        { "zero shards", $"{{{Valid.Replace("replicated", "sharded")}, \"shard-count\": 0}}", "shard-count", "shard" },
        { "replicas out of range", $"{{{Valid}, \"replicas\": 12}}", "replicas", "1 to 9" },
        { "replicas not a number", $"{{{Valid}, \"replicas\": \"many\"}}", "replicas", "whole number" },
        { "a nested value", $"{{{Valid}, \"shard-count\": {{\"n\": 4}}}}", "shard-count", "string, number or boolean" },
        { "a null value", $"{{{Valid}, \"edition\": null}}", "edition", "string, number or boolean" },
        { "a numeric description", $"{{{Valid}, \"description\": 42}}", "description", "must be a string" },
        { "control characters in the description", $"{{{Valid}, \"description\": \"Orders\\u0007\\u001b[2J DB\"}}", "description", "control characters" },
        { "an unknown language", $"{{{Valid}, \"language\": \"de\"}}", "language", "'de'" },
        { "reuse of an unknown run", $"{{{Valid}, \"reuse-from\": \"run_AAAAAAAAAAAAAAAAAAAAAA\"}}", "reuse-from", "not the id of a run" },
        { "reuse of a path", $"{{{Valid}, \"reuse-from\": \"../../runs.db\"}}", "reuse-from", "not the id of a run" },
        { "a description over the size limit", $"{{{Valid}, \"description\": \"{new string('x', 1024 * 1024 + 1)}\"}}", "description", "larger than 1024 KiB" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_bad_submission_gets_400_naming_the_field_and_creates_nothing(string entry, string body, string? param, string mentioned)
    {
        using var response = await _server.Http.PostAsync("/v1/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, entry);
        await AssertErrorAsync(response, param, mentioned);
        await AssertNothingCreatedAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_json_or_over_the_limit_is_refused_and_creates_nothing()
    {
        using (var form = await _server.Http.PostAsync("/v1/runs", new StringContent("cluster-name=orders", Encoding.UTF8, "application/x-www-form-urlencoded")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
            await AssertErrorAsync(form, null, "JSON");
        }

        var huge = $"{{\"description\": \"{new string('x', 9 * 1024 * 1024)}\"}}";
        // Expect: 100-continue, as careful clients send a large body: the refusal comes before the body is sent.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/runs") { Content = new StringContent(huge, Encoding.UTF8, "application/json") };
        request.Headers.ExpectContinue = true;
        using (var large = await _server.Http.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
            await AssertErrorAsync(large, null, "larger than");
        }

        await AssertNothingCreatedAsync();
    }

    public static TheoryData<string, HttpStatusCode, string?> BadLookups => new()
    {
        { "/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.NotFound, "id" },
        { "/v1/runs/not-a-run", HttpStatusCode.NotFound, "id" },
        { "/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA/events", HttpStatusCode.NotFound, "id" },
        { "/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA/bundle.zip", HttpStatusCode.NotFound, "id" },
        { "/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA/files/README.md", HttpStatusCode.NotFound, "id" },
        { "/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA/frobnicate", HttpStatusCode.NotFound, null },
        { "/v1/runs?limit=0", HttpStatusCode.BadRequest, "limit" },
        { "/v1/runs?limit=101", HttpStatusCode.BadRequest, "limit" },
        { "/v1/runs?limit=ten", HttpStatusCode.BadRequest, "limit" },
        { "/v1/runs?after=run_AAAAAAAAAAAAAAAAAAAAAA", HttpStatusCode.BadRequest, "after" },
    };

    [Theory]
    [MemberData(nameof(BadLookups))]
    public async Task Unknown_runs_and_bad_queries_get_a_json_4xx(string path, HttpStatusCode status, string? param)
    {
        using var response = await _server.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        await AssertErrorAsync(response, param, "");
        using var delete = await _server.Http.DeleteAsync("/v1/runs/run_AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }

    private static readonly string[] Traversals =
    [
        "..%2F..%2Fruns.db",
        "..%2F..%2F..%2Fruns.db",
        "%2E%2E%2F%2E%2E%2Fruns.db",
        "..%5C..%5Cruns.db",
        "%2Fetc%2Fpasswd",
        "docs%2F..%2F..%2Fcheckpoints%2Fcapacity-planning.json",
        ".tarantool-agents/lock",
        ".tarantool-agents%2Flock",
        "docs/./../../runs.db",
        "nothing-here.md",
    ];

    [Fact]
    public async Task A_path_outside_the_bundle_is_a_json_404()
    {
        var id = await _server.SubmitAsync(RunsApiTests.Orders);
        await _server.FinishedAsync(id);
        // The targets exist, so a 404 means the path was refused, not that nothing was there.
        Assert.True(File.Exists(Path.Combine(_server.DataDirectory, "runs.db")));
        Assert.True(File.Exists(Path.Combine(_server.DataDirectory, "runs", id, "checkpoints", "capacity-planning.json")));

        foreach (var path in Traversals)
        {
            using var response = await _server.Http.GetAsync($"/v1/runs/{id}/files/{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, path);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            await AssertErrorAsync(response, null, "");
        }
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, string? param, string mentioned)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var error = document.RootElement.GetProperty("error");
        var message = error.GetProperty("message").GetString()!;
        Assert.Contains(mentioned, message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
        if (param is not null) Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("hunter2", text);
    }

    private async Task AssertNothingCreatedAsync()
    {
        var list = await _server.Http.GetFromJsonAsync<JsonElement>("/v1/runs");
        Assert.Equal(0, list.GetProperty("data").GetArrayLength());
        Assert.False(Directory.Exists(Path.Combine(_server.DataDirectory, "runs")) && Directory.EnumerateFileSystemEntries(Path.Combine(_server.DataDirectory, "runs")).Any());
    }
}
