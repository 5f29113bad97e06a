namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary><c>Server:MaxConcurrentRuns</c> bounds the runs executed at once; bad settings stop serve with exit 2.</summary>
public sealed class RunsSettingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task With_one_slot_a_second_run_waits_queued_until_the_first_has_finished()
    {
        var (model, _) = CountingExpert.Create(TimeSpan.FromMilliseconds(200));
        await using var server = await ServedRuns.StartAsync(_temp.Combine("data"), model, new Dictionary<string, string?> { ["Server:MaxConcurrentRuns"] = "1" });
        var first = await server.SubmitAsync(RunsApiTests.Orders);
        var second = await server.SubmitAsync(RunsApiTests.Orders);

        string? secondWhileFirstRan = null;
        await server.EventsAsync(first, onEvent: async e =>
        {
            if (e.Type == "phase.completed" && secondWhileFirstRan is null)
                secondWhileFirstRan = (await server.GetAsync(second)).GetProperty("status").GetString();
        });
        Assert.Equal("queued", secondWhileFirstRan);

        var a = await server.GetAsync(first);
        var b = await server.FinishedAsync(second);
        Assert.Equal("succeeded", b.GetProperty("status").GetString());
        Assert.True(b.GetProperty("started_at").GetDateTimeOffset() >= a.GetProperty("finished_at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("Server:MaxConcurrentRuns", "0")]
    [InlineData("Server:MaxConcurrentRuns", "65")]
    [InlineData("Server:RunLeaseSeconds", "1")]
    [InlineData("Server:RunRetentionDays", "-1")]
    [InlineData("Server:RunRetentionDays", "36501")]
    public async Task A_bad_server_setting_stops_serve_with_exit_2_naming_it(string key, string value)
    {
        var result = await CliRunner.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", _temp.Combine("data")],
            settings: new Dictionary<string, string?> { [key] = value });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(key, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task A_data_dir_that_is_a_file_stops_serve_with_exit_2()
    {
        var file = _temp.Combine("file");
        await File.WriteAllTextAsync(file, "not a folder");

        var result = await CliRunner.RunAsync(["serve", "--urls", "http://127.0.0.1:0", "--data-dir", file]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--data-dir", result.Error);
    }
}
