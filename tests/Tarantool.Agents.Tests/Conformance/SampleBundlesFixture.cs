namespace Tarantool.Agents.Tests.Conformance;

/// <summary>Every sample's bundle, generated once with the embedded expert and shared by the conformance tests.</summary>
public sealed class SampleBundlesFixture : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    /// <summary>Bundle folder of a sample file name.</summary>
    public string BundleOf(string sample) => _bundles[sample];

    private readonly Dictionary<string, string> _bundles = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        foreach (var sample in Samples.Names())
        {
            var output = _temp.Combine(Path.GetFileNameWithoutExtension(sample));
            var result = await CliRunner.RunAsync(["batch", Samples.PathOf(sample), "--output", output]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"{sample}: {result.Out}{result.Error}");
            _bundles[sample] = Directory.GetDirectories(output).Single();
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
