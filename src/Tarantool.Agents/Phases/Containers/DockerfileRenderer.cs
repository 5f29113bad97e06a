using System.Text;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>containers/Dockerfile</c> (and its BuildKit ignore file): the official image plus the application and
/// the backup phase's <c>backup/</c> scripts at <see cref="InstanceLayout.BackupToolsDir"/>; on Kubernetes also the
/// storage client those scripts call, because the deployment phase's backup CronJobs run them inside the pods.
/// </summary>
public static class DockerfileRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        yield return new BundleFile("containers/Dockerfile", "dockerfile", Dockerfile(plan, context));
        // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile: only the application and the backup
        // scripts enter the context.
        yield return new BundleFile("containers/Dockerfile.dockerignore", "dockerignore", "*\n!tarantool/\n!backup/\n");
    }

    /// <summary>
    /// The shell steps that install the command-line client of a backup storage kind on the official (Ubuntu) image,
    /// each from its vendor's documented source; empty for NFS, which is a mounted directory, not a client.
    /// </summary>
    public static IReadOnlyList<string> StorageClientSteps(string storageKind) => storageKind switch
    {
        StorageKinds.S3 =>
        [
            "apt-get update",
            "apt-get install -y --no-install-recommends ca-certificates curl unzip",
            "curl -fsSL \"https://awscli.amazonaws.com/awscli-exe-linux-$(uname -m).zip\" -o /tmp/awscliv2.zip",
            "unzip -q /tmp/awscliv2.zip -d /tmp",
            "/tmp/aws/install",
            "rm -rf /tmp/aws /tmp/awscliv2.zip /var/lib/apt/lists/*",
        ],
        StorageKinds.Gcs =>
        [
            "apt-get update",
            "apt-get install -y --no-install-recommends ca-certificates curl gnupg",
            "curl -fsSL https://packages.cloud.google.com/apt/doc/apt-key.gpg | gpg --dearmor -o /usr/share/keyrings/cloud.google.gpg",
            "echo \"deb [signed-by=/usr/share/keyrings/cloud.google.gpg] https://packages.cloud.google.com/apt cloud-sdk main\" > /etc/apt/sources.list.d/google-cloud-sdk.list",
            "apt-get update",
            "apt-get install -y --no-install-recommends google-cloud-cli",
            "rm -rf /var/lib/apt/lists/*",
        ],
        StorageKinds.AzureBlob =>
        [
            "apt-get update",
            "apt-get install -y --no-install-recommends ca-certificates curl",
            "curl -fsSL https://aka.ms/InstallAzureCLIDeb | bash",
            "rm -rf /var/lib/apt/lists/*",
        ],
        _ => [],
    };

    /// <summary>The client binary a storage kind's scripts call (aws, gcloud, az), or empty.</summary>
    public static string StorageClient(string storageKind) => storageKind switch
    {
        StorageKinds.S3 => "aws",
        StorageKinds.Gcs => "gcloud",
        StorageKinds.AzureBlob => "az",
        _ => "",
    };

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
        if (context.Request.Edition == Edition.Enterprise)
        {
            // The Enterprise image is not public: the user supplies it, and the build stops at FROM when they do not.
            text.Append($"# Tarantool Enterprise Edition (iproto TLS and the other EE features) is not a public image: build from\n");
            text.Append($"# your own, pulled with your subscription, for example\n");
            text.Append($"#   docker build --build-arg TARANTOOL_EE_IMAGE=registry.example.com/tarantool-enterprise:{tag} -f containers/Dockerfile -t {image.ImageName} .\n");
            text.Append($"# It must provide Tarantool {tag} and tt, like the public {repository}:{tag} does.\n");
            text.Append("ARG TARANTOOL_EE_IMAGE\n");
            text.Append("FROM ${TARANTOOL_EE_IMAGE}\n\n");
        }
        else
        {
            text.Append("# Pin TARANTOOL_TAG to an exact patch release (for example 3.7.1) for reproducible builds.\n");
            text.Append($"ARG TARANTOOL_TAG={tag}\n");
            text.Append($"FROM {repository}:${{TARANTOOL_TAG}}\n\n");
        }
        text.Append($"ENV TT_APP_NAME={cluster}");
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml) text.Append($" \\\n    TT_CONFIG={image.AppDirectory}/config.yaml");
        text.Append("\n\n");
        text.Append($"WORKDIR {image.AppDirectory}\n");
        text.Append("COPY tarantool/ ./\n");
        var rockspec = context.InputFilePaths.Where(p => p.StartsWith("tarantool/", StringComparison.Ordinal) && p.EndsWith(".rockspec", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        var steps = new List<string>();
        if (rockspec is not null) steps.Add($"tt rocks make {rockspec["tarantool/".Length..]}");
        steps.AddRange(image.Rocks.Select(r => $"tt rocks install {r}"));
        steps.Add($"mkdir -p {image.DataDirectory} {ContainerConfigRewriter.RunRoot} {InstanceLayout.BackupStateDir}");
        steps.Add($"chown -R {image.RunAsUser}:{image.RunAsUser} {image.AppDirectory} {image.DataDirectory} {ContainerConfigRewriter.RunRoot} {InstanceLayout.BackupStateDir}");
        text.Append("# Dependencies are installed into ./.rocks at build time; nothing is downloaded when a pod starts.\n");
        text.Append("RUN " + string.Join(" \\\n && ", steps) + "\n\n");
        AppendBackupTools(text, plan, context);
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

    /// <summary>The backup scripts always travel with the image, so a pod and a host run the same ones from the same
    /// place; the storage client only where the backup CronJobs run them (Kubernetes).</summary>
    private static void AppendBackupTools(StringBuilder text, OrchestrationPlan plan, PhaseContext context)
    {
        // The containers phase does not read the backup plan; on Kubernetes-based clouds the cloud fixes the storage
        // kind (the backup phase's validator allows exactly one), so both phases agree.
        var allowed = StorageKinds.AllowedFor(context.Request.CloudProvider);
        var kind = context.Find<BackupPlan>()?.StorageKind ?? (allowed.Count == 1 ? allowed[0] : "");
        var kubernetes = plan.Platform == PlatformNaming.Kubernetes;
        text.Append("# The backup phase's scripts (backup/), at the same place as on the hosts. The backup CronJobs\n");
        text.Append("# (deploy/kubernetes/backup-cronjob.yaml) run them in the pods with kubectl exec.\n");
        text.Append($"COPY --chmod=0755 backup/ {InstanceLayout.BackupToolsDir}/\n");
        var steps = kubernetes ? StorageClientSteps(kind) : [];
        if (steps.Count > 0)
        {
            text.Append($"# The {kind} client the scripts call ({StorageClient(kind)}); credentials come from the pod's identity or environment, never from the image.\n");
            text.Append("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n");
            text.Append("RUN " + string.Join(" \\\n && ", steps) + "\n");
        }
        else if (kubernetes)
            text.Append("# No storage client is installed: provide the one backup/lib.sh calls for STORAGE_KIND in a derived image.\n");
        else
            text.Append("# This image is for local work; on the hosts the deployment phase installs backup/ and mounts the backup share.\n");
        text.Append('\n');
    }
}
