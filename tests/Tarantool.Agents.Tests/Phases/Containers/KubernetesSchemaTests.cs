using System.Text.Json;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Tests.Phases.Containers;

/// <summary>Validates rendered manifests with kubernetes-models (the upstream OpenAPI schemas) through node.</summary>
public sealed class KubernetesSchemaTests
{
    private static string Script => Path.Combine(ExternalTool.ToolsDirectory, "validate-k8s.mjs");

    public static TheoryData<string> Bundles() => ["sharded-gcp", "replicated-aws", "cartridge-azure", "multi-region-kubernetes", "single-kubernetes", "replicated-211-azure"];

    private static PlatformScenario Scenario(string name) => name switch
    {
        "sharded-gcp" => PlatformFixtures.Sharded(CloudProvider.Gcp),
        "replicated-aws" => PlatformFixtures.ReplicatedProduction(CloudProvider.Aws),
        "cartridge-azure" => PlatformFixtures.Cartridge(CloudProvider.Azure),
        "multi-region-kubernetes" => PlatformFixtures.MultiRegion(CloudProvider.Kubernetes),
        "single-kubernetes" => PlatformFixtures.SingleInstanceDev(CloudProvider.Kubernetes),
        _ => Lua211(),
    };

    private static PlatformScenario Lua211()
    {
        var scenario = PlatformFixtures.ReplicatedProduction(CloudProvider.Azure) with { ConfigYaml = null };
        return scenario with { Request = scenario.Request with { TarantoolVersion = "2.11" } };
    }

    [NodeToolFact]
    public void Rendered_manifests_are_valid_kubernetes_objects()
    {
        foreach (var name in Bundles())
        {
            var files = OrchestrationRendererTests.Render(Scenario(name));
            using var bundle = new BundleWriter(files);
            var (exitCode, output) = ExternalTool.Run("node", [Script, bundle.PathOf("kubernetes")], ExternalTool.ToolsDirectory);
            Assert.True(exitCode == 0, $"{name}: {output}");
            using var report = JsonDocument.Parse(output);
            // Every file, and every document of a multi-document file (the NetworkPolicies), is one object the script validated.
            var expected = files.Where(f => f.Path.StartsWith("kubernetes/", StringComparison.Ordinal))
                .Sum(f => Math.Max(1, f.Content.Split("\n---\n").Count(d => d.Contains("\nkind: ", StringComparison.Ordinal) || d.StartsWith("kind: ", StringComparison.Ordinal))));
            Assert.Equal(expected, report.RootElement.GetProperty("objects").GetInt32());
        }
    }

    [NodeToolFact]
    public void Validator_rejects_an_invalid_manifest()
    {
        var broken = new global::Tarantool.Agents.Phases.BundleFile("kubernetes/broken.yaml", "kubernetes-manifest",
            "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db-001\nspec:\n  serviceName: db-001\n  replicas: three\n  ordinals:\n    start: \"1\"\n  selector: {}\n  template: {}\n");
        var unknown = new global::Tarantool.Agents.Phases.BundleFile("kubernetes/unknown.yaml", "kubernetes-manifest", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: x\n");
        using var bundle = new BundleWriter([broken, unknown]);
        var (exitCode, output) = ExternalTool.Run("node", [Script, bundle.PathOf("kubernetes")], ExternalTool.ToolsDirectory);
        Assert.Equal(1, exitCode);
        Assert.Contains("replicas", output);
        Assert.Contains("unknown apiVersion/kind", output);
    }
}
