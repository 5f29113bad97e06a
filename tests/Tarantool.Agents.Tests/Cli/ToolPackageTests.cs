using System.Text.Json;

namespace Tarantool.Agents.Tests.Cli;

/// <summary>
/// The CLI is also a .NET tool, as the README installs it: <c>dotnet pack</c>, <c>dotnet tool install</c> from the
/// package folder, then a <c>plan</c> run far from the working copy, on the prompts and agents the package carries.
/// </summary>
public sealed class ToolPackageTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [ToolFact("dotnet", "install the .NET SDK")]
    public void The_packed_tool_installs_and_plans_outside_the_working_copy()
    {
        var packages = _temp.Combine("packages");
        var tools = _temp.Combine("tools");
        var work = Directory.CreateDirectory(_temp.Combine("work")).FullName;

        var (packCode, packOutput) = ExternalTool.Run("dotnet",
            ["pack", Path.Combine(RepositoryPaths.Root, "src", "Tarantool.Agents.Cli"), "-c", "Release", "-p:PackageOutputPath=" + packages, "--nologo"],
            RepositoryPaths.Root, timeoutSeconds: 900);
        Assert.True(packCode == 0, packOutput);
        Assert.Single(Directory.GetFiles(packages, "tarantool-agents.*.nupkg"));

        var (installCode, installOutput) = ExternalTool.Run("dotnet",
            ["tool", "install", "--tool-path", tools, "--add-source", packages, "tarantool-agents"], work, timeoutSeconds: 300);
        Assert.True(installCode == 0, installOutput);

        // Outside any checkout, with no TARANTOOL_AGENTS_HOME: the package's own prompts/ and agents/ are used.
        var environment = new Dictionary<string, string> { ["TARANTOOL_AGENTS_HOME"] = "" };
        var (planCode, planOutput) = ExternalTool.Run(Path.Combine(tools, "tarantool-agents"),
            ["plan", "--cluster-name", "orders", "--cluster-type", "replicated", "--environment", "staging", "--output", "bundle", "Orders, 40 GB"],
            work, environment, timeoutSeconds: 300);
        Assert.True(planCode == 0, planOutput);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(work, "bundle", "bundle.json")));
        Assert.Equal("succeeded", manifest.RootElement.GetProperty("status").GetString());
        Assert.True(File.Exists(Path.Combine(work, "bundle", "tarantool", "config.yaml")));
    }
}
