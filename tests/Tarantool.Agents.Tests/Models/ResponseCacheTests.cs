using Tarantool.Agents.Expert;

namespace Tarantool.Agents.Tests.Models;

/// <summary>Record a run once, replay it byte for byte without the model; in replay mode a miss fails the run.</summary>
public sealed class ResponseCacheTests : IDisposable
{
    private static readonly string[] Request = ["--cluster-name", "geo", "--cluster-type", "replicated", "--environment", "staging", "Geo lookup, 40 GB"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Dictionary<string, string?> Cache(string mode) => new()
    {
        ["Model:Cache:Mode"] = mode,
        ["Model:Cache:Directory"] = _temp.Combine("recordings"),
    };

    [Fact]
    public async Task A_recorded_run_replays_byte_for_byte_without_calling_the_model()
    {
        var expert = new TarantoolExpertChatClient();
        var live = new TestChatClient { Respond = (messages, options, token) => expert.GetResponseAsync(messages, options, token) };
        var recorded = await CliRunner.RunAsync(["plan", .. Request, "--output", _temp.Combine("recorded")], live, settings: Cache("record"));
        Assert.Equal(0, recorded.ExitCode);
        // Ten phases, the documentation one as seven guides and its frame.
        Assert.Equal(17, live.Calls);
        Assert.Equal(17, Directory.GetFiles(_temp.Combine("recordings")).Length);

        var offline = new TestChatClient { Respond = (_, _, _) => throw new InvalidOperationException("the model must not be asked during replay") };
        var replayed = await CliRunner.RunAsync(["plan", .. Request, "--output", _temp.Combine("replayed")], offline, settings: Cache("replay"));

        Assert.True(replayed.ExitCode == 0, replayed.Out + replayed.Error);
        Assert.Equal(0, offline.Calls);
        Assert.Equal(Samples.BundleFiles(_temp.Combine("recorded")), Samples.BundleFiles(_temp.Combine("replayed")));
    }

    [Fact]
    public async Task In_replay_mode_a_request_that_was_not_recorded_fails_the_run_instead_of_reaching_the_model()
    {
        var model = new TestChatClient();
        var result = await CliRunner.RunAsync(["plan", .. Request, "--output", _temp.Combine("miss")], model, settings: Cache("replay"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no recorded answer", result.Out);
        Assert.Equal(0, model.Calls);
    }

    [Fact]
    public async Task Replay_without_a_folder_is_refused_as_bad_settings()
    {
        var result = await CliRunner.RunAsync(["plan", .. Request, "--output", _temp.Combine("x")], settings: new Dictionary<string, string?> { ["Model:Cache:Mode"] = "replay" });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Model:Cache:Directory", result.Error);
    }
}
