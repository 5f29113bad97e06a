namespace Tarantool.Agents.Phases.Containers;

/// <summary>Renders every file of phase 6: the image and Compose always, then Kubernetes or systemd by platform.</summary>
public sealed class OrchestrationRenderer : IArtifactRenderer<OrchestrationPlan>
{
    public IEnumerable<BundleFile> Render(OrchestrationPlan output, PhaseContext context)
    {
        var files = new List<BundleFile>();
        files.AddRange(DockerfileRenderer.Render(output, context));
        files.AddRange(ComposeRenderer.Render(output, context));
        files.AddRange(output.Platform == PlatformNaming.Kubernetes
            ? KubernetesManifestRenderer.Render(output, context)
            : SystemdRenderer.Render(output, context));
        return files;
    }
}
