using System.Text;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>Writes <c>containers/Dockerfile</c> (and its BuildKit ignore file): the official image plus the app.</summary>
public static class DockerfileRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        yield return new BundleFile("containers/Dockerfile", "dockerfile", Dockerfile(plan, context));
        // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile: only the application enters the context.
        yield return new BundleFile("containers/Dockerfile.dockerignore", "dockerignore", "*\n!tarantool/\n");
    }

    private static string Dockerfile(OrchestrationPlan plan, PhaseContext context)
    {
        var image = plan.Image;
        var separator = image.BaseImage.IndexOf(':');
        var repository = image.BaseImage[..separator];
        var tag = image.BaseImage[(separator + 1)..];
        var cluster = context.Request.ClusterName;
        var text = new StringBuilder();
        text.Append("# syntax=docker/dockerfile:1\n");
        text.Append($"# Image of the {cluster} Tarantool cluster, built from the bundle root:\n");
        text.Append($"#   docker build -f containers/Dockerfile -t {image.ImageName} .\n");
        text.Append("# Pin TARANTOOL_TAG to an exact patch release (for example 3.7.1) for reproducible builds.\n");
        text.Append($"ARG TARANTOOL_TAG={tag}\n");
        text.Append($"FROM {repository}:${{TARANTOOL_TAG}}\n\n");
        text.Append($"ENV TT_APP_NAME={cluster}");
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml) text.Append($" \\\n    TT_CONFIG={image.AppDirectory}/config.yaml");
        text.Append("\n\n");
        text.Append($"WORKDIR {image.AppDirectory}\n");
        text.Append("COPY tarantool/ ./\n");
        var rockspec = context.InputFilePaths.Where(p => p.StartsWith("tarantool/", StringComparison.Ordinal) && p.EndsWith(".rockspec", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        var steps = new List<string>();
        if (rockspec is not null) steps.Add($"tt rocks make {rockspec["tarantool/".Length..]}");
        steps.AddRange(image.Rocks.Select(r => $"tt rocks install {r}"));
        steps.Add($"mkdir -p {image.DataDirectory} {ContainerConfigRewriter.RunRoot}");
        steps.Add($"chown -R {image.RunAsUser}:{image.RunAsUser} {image.AppDirectory} {image.DataDirectory} {ContainerConfigRewriter.RunRoot}");
        text.Append("# Dependencies are installed into ./.rocks at build time; nothing is downloaded when a pod starts.\n");
        text.Append("RUN " + string.Join(" \\\n && ", steps) + "\n\n");
        text.Append($"USER {image.RunAsUser}:{image.RunAsUser}\n");
        text.Append($"VOLUME [\"{image.DataDirectory}\"]\n");
        text.Append($"EXPOSE {PlatformNaming.ContainerIprotoPort} {PlatformNaming.ContainerMetricsPort}\n");
        text.Append("# The image's own entrypoint configures box.cfg from TARANTOOL_* variables; this image is configured by the\n");
        text.Append("# application instead, so it is bypassed. TT_INSTANCE_NAME selects the instance.\n");
        text.Append("ENTRYPOINT []\n");
        text.Append(plan.ConfigDelivery == ConfigDelivery.ConfigYaml
            ? "CMD [\"sh\", \"-c\", \"exec tarantool --name \\\"${TT_INSTANCE_NAME:?set TT_INSTANCE_NAME}\\\" --config \\\"${TT_CONFIG}\\\"\"]\n"
            : "CMD [\"sh\", \"-c\", \"if [ -f \\\"${TT_INSTANCE_NAME:?set TT_INSTANCE_NAME}.init.lua\\\" ]; then exec tarantool \\\"${TT_INSTANCE_NAME}.init.lua\\\"; fi; exec tarantool init.lua\"]\n");
        return text.ToString();
    }
}
