using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// The remote path end to end: the CLI talks to the served expert through the real OpenAI SDK over real HTTP, with
/// a proxy that fails 30% of the calls transiently, and the bundle is the one the in-process expert writes.
/// </summary>
public sealed class RemoteExpertTests : IDisposable
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Model:Resilience:BaseDelaySeconds"] = "0.01",
        ["Model:Resilience:MaxDelaySeconds"] = "0.2",
        ["Model:Resilience:MaxRetries"] = "10",
        ["Model:Resilience:BreakerMinimumThroughput"] = "1000",
    };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> SampleFiles => Samples.Files();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Through_a_faulty_network_the_served_expert_yields_the_in_process_bundle(string sample)
    {
        await using var server = await ServedExpert.StartAsync();
        await using var proxy = await FaultProxy.StartAsync(server.BaseAddress, failureRate: 0.3, seed: sample[0] + sample[1]);

        var local = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", _temp.Combine("local")]);
        var remote = await CliRunner.RunAsync(
            ["batch", Samples.PathOf(sample), "--output", _temp.Combine("remote"), "--provider", "openai-compatible", "--endpoint", proxy.Endpoint, "--model", "tarantool-expert"],
            settings: FastRetries);

        Assert.True(local.ExitCode == 0, local.Out + local.Error);
        Assert.True(remote.ExitCode == 0, remote.Out + remote.Error);
        Assert.InRange(proxy.Log.Count(f => f != FaultProxy.Fault.None), 3, proxy.Log.Count / 2);
        var expected = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("local")).Single());
        var actual = Samples.BundleFiles(Directory.GetDirectories(_temp.Combine("remote")).Single());
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, content) in expected) Assert.True(content == actual[path], $"{path} differs");
    }
}
