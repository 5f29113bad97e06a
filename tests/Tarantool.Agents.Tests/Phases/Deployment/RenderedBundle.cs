using Tarantool.Agents.Expert.Deployment;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Tests.Phases.Documentation;

namespace Tarantool.Agents.Tests.Phases.Deployment;

/// <summary>The deployment files of a fixture, in memory and written to a temporary bundle directory.</summary>
internal sealed class RenderedBundle
{
    private RenderedBundle(ClusterFixture fixture, DeploymentPlan plan, IReadOnlyList<BundleFile> files)
    {
        Fixture = fixture;
        Plan = plan;
        Files = files;
    }

    public ClusterFixture Fixture { get; }
    public DeploymentPlan Plan { get; }
    public IReadOnlyList<BundleFile> Files { get; }

    public static RenderedBundle Of(string fixtureName)
    {
        var fixture = ClusterFixtures.ByName(fixtureName);
        var context = fixture.Context();
        var plan = new DeploymentExpert().Design(context);
        return new RenderedBundle(fixture, plan, DeploymentPhase.Spec.Render(plan, context));
    }

    public BundleFile File(string path) => Files.Single(f => f.Path == path);

    public IEnumerable<BundleFile> Yaml => Files.Where(f => f.Path.EndsWith(".yml", StringComparison.Ordinal) || f.Path.EndsWith(".yaml", StringComparison.Ordinal));

    public IEnumerable<BundleFile> Scripts => Files.Where(f => f.Path.EndsWith(".sh", StringComparison.Ordinal));

    /// <summary>Writes the files (plus stand-ins for the other phases' folders) into a fresh directory.</summary>
    public string WriteTo(string prefix)
    {
        var root = ExternalTool.TempDirectory(prefix);
        foreach (var file in Files)
        {
            var path = Path.Combine(root, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllText(path, file.Content);
        }
        Directory.CreateDirectory(Path.Combine(root, "tarantool"));
        Directory.CreateDirectory(Path.Combine(root, "backup"));
        return root;
    }
}
