using System.Text.Json;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// Every sample through emulated real providers (gpt-4o, vLLM with a 32k model, Ollama with a 32k model) that refuse
/// or cut what the real ones refuse or cut. No request is refused, no prompt is cut, no answer is cut off, and every
/// phase writes the files the offline run writes: the documentation guides, together larger than gpt-4o may write in
/// one answer, come from one call per guide.
/// </summary>
public sealed class EmulatedProviderTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        // Read only from configuration; never printed. The emulator does not check it.
        ["Model:ApiKey"] = "sk-emulated",
        ["Model:Resilience:BaseDelaySeconds"] = "0.01",
        ["Model:Resilience:MaxDelaySeconds"] = "0.05",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        // Azure OpenAI serves the same gpt-4o; one sample through it is enough (its own test below).
        foreach (var kind in Enum.GetNames<EmulatedProvider.Kind>().Where(k => k != nameof(EmulatedProvider.Kind.AzureGpt4o)))
            foreach (var sample in Samples.Names()) data.Add(kind, sample);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_sample_through_an_emulated_provider_yields_the_offline_bundle(string emulated, string sample)
    {
        var kind = Enum.Parse<EmulatedProvider.Kind>(emulated);
        await using var provider = await EmulatedProvider.StartAsync(kind);

        var local = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Combine("local")]);
        // A stock vLLM server refuses tools (no --enable-auto-tool-choice): Model:Tools=false is how a user runs on it.
        var settings = kind == EmulatedProvider.Kind.Vllm ? new Dictionary<string, string?>(Settings) { ["Model:Tools"] = "false" } : Settings;
        var remote = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Combine("remote"), .. provider.Flags], settings: settings);
        Assert.True(Directory.Exists(_temp.Combine("remote")), remote.Out + remote.Error);

        Assert.True(local.ExitCode == 0, local.Out + local.Error);
        Assert.Empty(provider.Refusals);
        Assert.Equal(provider.Requests.Count, provider.Streamed);
        var root = Directory.GetDirectories(_temp.Combine("remote")).Single();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "bundle.json")));
        var phases = manifest.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.All(phases, p => Assert.True(p.GetProperty("status").GetString() == "succeeded", $"{p.GetProperty("key")}: {p.GetProperty("reason")}"));
        Assert.Empty(provider.Cuts);
        var documentation = phases.Single(p => p.GetProperty("key").GetString() == "documentation");
        Assert.Equal(7, documentation.GetProperty("parts").GetArrayLength());

        var expected = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("local")).Single());
        var actual = Samples.BundleFiles(root);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, content) in expected)
            Assert.True(content == actual[path], $"{path} differs");

        var limits = manifest.RootElement.GetProperty("provider").GetProperty("limits");
        Assert.Equal(kind == EmulatedProvider.Kind.Gpt4o ? EmulatedProvider.Gpt4oContext : EmulatedProvider.LocalContext, limits.GetProperty("contextWindow").GetInt32());
    }

    [Fact]
    public async Task A_sample_through_an_emulated_Azure_OpenAI_deployment_yields_the_offline_bundle()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.AzureGpt4o);
        var sample = Samples.Names()[0];

        var local = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Combine("local")]);
        var remote = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Combine("remote"), .. provider.Flags], settings: Settings);

        Assert.True(local.ExitCode == 0, local.Out + local.Error);
        Assert.True(remote.ExitCode == 0, remote.Out + remote.Error);
        // Deployment-name URLs with api-version and the api-key header were accepted; strict schemas within gpt-4o's limits.
        Assert.Empty(provider.Refusals);
        Assert.NotEmpty(provider.Requests);
        Assert.All(provider.Requests, r =>
        {
            Assert.True(r["response_format"]?["json_schema"]?["strict"]?.GetValue<bool>() == true, r["response_format"]?.ToJsonString());
            Assert.InRange((r["max_completion_tokens"] ?? r["max_tokens"])!.GetValue<int>(), 1, EmulatedProvider.Gpt4oMaxOutput);
        });
        var expected = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("local")).Single());
        var actual = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("remote")).Single());
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, content) in expected)
            Assert.True(content == actual[path], $"{path} differs");
    }

    [Fact]
    public async Task Emulated_Azure_OpenAI_refuses_a_wrong_key_and_a_missing_api_version()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.AzureGpt4o);
        using var http = new HttpClient();
        var url = provider.Endpoint + "/openai/deployments/gpt-4o/chat/completions";
        var body = new { messages = new[] { new { role = "user", content = "hi" } } };

        using var wrongKey = new HttpRequestMessage(HttpMethod.Post, url + "?api-version=2024-10-21") { Content = JsonContent(body) };
        wrongKey.Headers.Add("api-key", "wrong");
        using var noVersion = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent(body) };
        noVersion.Headers.Add("api-key", EmulatedProvider.AzureKey);

        Assert.Equal(401, (int)(await http.SendAsync(wrongKey)).StatusCode);
        Assert.Equal(404, (int)(await http.SendAsync(noVersion)).StatusCode);
    }

    [Fact]
    public async Task gpt_4o_gets_strict_schemas_and_never_more_than_its_output_maximum()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Gpt4o);

        var run = await CliRunner.RunAsync(["batch", Samples.PathOf(Samples.Names()[0]), "--output", _temp.Combine("b"), .. provider.Flags], settings: Settings);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.NotEmpty(provider.Requests);
        Assert.All(provider.Requests, r =>
        {
            Assert.True(r["response_format"]?["json_schema"]?["strict"]?.GetValue<bool>() == true, r["response_format"]?.ToJsonString());
            Assert.InRange((r["max_completion_tokens"] ?? r["max_tokens"])!.GetValue<int>(), 1, EmulatedProvider.Gpt4oMaxOutput);
        });
    }

    [Fact]
    public async Task Ollama_gets_a_num_ctx_for_every_call()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Ollama);

        var run = await CliRunner.RunAsync(["batch", Samples.PathOf(Samples.Names()[0]), "--output", _temp.Combine("b"), .. provider.Flags], settings: Settings);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        // Intake's reading of the description is a small call: its window holds its prompt and its short answer.
        static bool Intake(System.Text.Json.Nodes.JsonObject r) => r["messages"]![0]!["content"]!.ToJsonString().Contains("You extract the parameters");
        var intake = Assert.Single(provider.Requests, Intake);
        Assert.InRange(intake["options"]?["num_ctx"]?.GetValue<int>() ?? 0, Tarantool.Agents.Intake.ModelIntake.MaxAnswerTokens + 1, EmulatedProvider.LocalContext);
        Assert.All(provider.Requests.Where(r => !Intake(r)), r => Assert.InRange(r["options"]?["num_ctx"]?.GetValue<int>() ?? 0, EmulatedProvider.OllamaDefaultNumCtx + 1, EmulatedProvider.LocalContext));
    }

    [Fact]
    public async Task Stock_vLLM_refuses_tools_so_Model_Tools_false_is_needed_there()
    {
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Vllm);

        var run = await CliRunner.RunAsync(["batch", Samples.PathOf(Samples.Names()[0]), "--output", _temp.Combine("b"), .. provider.Flags], settings: Settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(provider.Refusals, r => r.Contains("--enable-auto-tool-choice"));
    }

    [Fact]
    public async Task Without_the_limits_vLLM_would_refuse_what_the_personas_ask_for()
    {
        // The emulator is not lenient: a prompt plus the answer asked for must fit the 32k window.
        await using var provider = await EmulatedProvider.StartAsync(EmulatedProvider.Kind.Vllm);
        using var http = new HttpClient();
        var body = new { model = provider.Model, max_tokens = 40_000, messages = new[] { new { role = "user", content = "hi" } } };

        var response = await http.PostAsync(provider.Endpoint + "/chat/completions", JsonContent(body));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("maximum context length is 32768", await response.Content.ReadAsStringAsync());
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json");
}
