namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// One sharded production bundle per cloud and deployment form (and two in Russian), generated once with the
/// embedded expert for the deployment-form conformance tests.
/// </summary>
public sealed class DeploymentFormBundlesFixture : IAsyncLifetime
{
    public static readonly string[] Clouds = ["aws", "azure", "gcp", "on-premises", "kubernetes"];
    public static readonly string[] Forms = ["vm", "kubernetes"];

    private readonly TempDirectory _temp = new();
    private readonly Dictionary<string, string> _bundles = new(StringComparer.Ordinal);

    public static string Key(string cloud, string form, string language = "en") => $"{cloud}-{form}-{language}";

    /// <summary>Every cloud with every form it has (the kubernetes platform has no virtual machines: intake refuses
    /// that pair), two of them also in Russian.</summary>
    public static IEnumerable<(string Cloud, string Form, string Language)> Matrix() =>
        Pairs().Select(p => (p.Cloud, p.Form, "en")).Concat([("aws", "vm", "ru"), ("gcp", "kubernetes", "ru")]);

    public static IEnumerable<(string Cloud, string Form)> Pairs() =>
        Clouds.SelectMany(c => Forms.Select(f => (c, f))).Where(p => p is not ("kubernetes", "vm"));

    /// <summary>Bundle folder of a cloud, form and language.</summary>
    public string BundleOf(string key) => _bundles[key];

    public async Task InitializeAsync()
    {
        foreach (var (cloud, form, language) in Matrix())
        {
            var output = _temp.Combine(Key(cloud, form, language));
            var result = await CliRunner.RunAsync(
            [
                "plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "--shard-count", "3",
                "--cloud-provider", cloud, "--deployment", form, "--language", language, "--output", output,
                "Orders database, 300 GB, 40k read RPS and 5k write RPS",
            ]);
            if (result.ExitCode != 0) throw new InvalidOperationException($"{cloud}/{form}/{language}: {result.Out}{result.Error}");
            _bundles[Key(cloud, form, language)] = output;
        }
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
