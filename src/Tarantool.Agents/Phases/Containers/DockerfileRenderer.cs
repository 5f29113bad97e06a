using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>containers/Dockerfile</c> (and its BuildKit ignore file) and the health check it installs: a builder
/// stage with the toolchain the rocks need, then a runtime stage on the official image with the application, its
/// built rocks, the health check and the backup phase's <c>backup/</c> scripts at
/// <see cref="InstanceLayout.BackupToolsDir"/> — no storage client: scheduled backups run in their own image.
/// </summary>
public static class DockerfileRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        yield return new BundleFile("containers/Dockerfile", "dockerfile", Dockerfile(plan, context));
        // BuildKit reads <Dockerfile>.dockerignore next to the Dockerfile: only the application and the backup
        // scripts enter the context.
        yield return new BundleFile("containers/Dockerfile.dockerignore", "dockerignore", $"*\n!tarantool/\n!backup/\n!{HealthCheckScript.BundlePath}\n");
        yield return new BundleFile(HealthCheckScript.BundlePath, "lua", HealthCheckScript.Render(PlatformNaming.ContainerIprotoPort)) { Executable = true };
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

    /// <summary>What the builder stage installs: <c>tt rocks</c> builds C modules with cmake (vshard, metrics and
    /// the rockspec's own dependencies), fetches with git and unpacks with unzip.</summary>
    public static readonly IReadOnlyList<string> BuildPackages = ["cmake", "make", "gcc", "g++", "git", "unzip", "ca-certificates"];

    private static string Dockerfile(OrchestrationPlan plan, PhaseContext context)
    {
        var image = plan.Image;
        var separator = image.BaseImage.IndexOf(':');
        var repository = image.BaseImage[..separator];
        var tag = image.BaseImage[(separator + 1)..];
        var cluster = context.Request.ClusterName;
        var enterprise = context.Request.Edition == Edition.Enterprise;
        var baseRef = enterprise ? "${TARANTOOL_EE_IMAGE}" : $"{repository}:${{TARANTOOL_TAG}}";
        var user = image.RunAsUser.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append("# syntax=docker/dockerfile:1\n");
        text.Append($"# Image of the {cluster} Tarantool cluster, built from the bundle root:\n");
        text.Append($"#   docker build -f containers/Dockerfile -t {image.ImageName} .\n");
        text.Append("# Two stages: the builder has the toolchain the rocks need; the runtime image has Tarantool, tt, the application\n");
        text.Append("# with its built rocks and nothing else (no compilers, no cloud storage clients: backups run in their own image).\n");
        if (enterprise)
        {
            // The Enterprise image is not public: the user supplies it, and the build stops at FROM when they do not.
            text.Append($"# Tarantool Enterprise Edition (iproto TLS and the other EE features) is not a public image: build from\n");
            text.Append($"# your own, pulled with your subscription, for example\n");
            text.Append($"#   docker build --build-arg TARANTOOL_EE_IMAGE=registry.example.com/tarantool-enterprise:{tag} -f containers/Dockerfile -t {image.ImageName} .\n");
            text.Append($"# It must provide Tarantool {tag} and tt, like the public {repository}:{tag} does.\n");
            text.Append("ARG TARANTOOL_EE_IMAGE\n");
        }
        else
        {
            text.Append("# Pin TARANTOOL_TAG to an exact patch release (for example 3.7.1) for reproducible builds.\n");
            text.Append($"ARG TARANTOOL_TAG={tag}\n");
        }
        text.Append('\n');

        text.Append($"FROM {baseRef} AS builder\n");
        text.Append("RUN apt-get update \\\n && apt-get install -y --no-install-recommends " + string.Join(" ", BuildPackages) + " \\\n && rm -rf /var/lib/apt/lists/*\n");
        text.Append($"WORKDIR {image.AppDirectory}\n");
        text.Append("COPY tarantool/ ./\n");
        var rockspec = context.InputFilePaths.Where(p => p.StartsWith("tarantool/", StringComparison.Ordinal) && p.EndsWith(".rockspec", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault();
        var rocks = new List<string>();
        if (rockspec is not null) rocks.Add($"tt rocks make {rockspec["tarantool/".Length..]}");
        rocks.AddRange(image.Rocks.Select(r => $"tt rocks install {r}"));
        if (rocks.Count > 0)
        {
            text.Append("# Dependencies are built into ./.rocks here; nothing is downloaded when a pod starts.\n");
            text.Append("RUN " + string.Join(" \\\n && ", rocks) + "\n");
        }
        text.Append('\n');

        text.Append($"FROM {baseRef}\n");
        text.Append($"ENV TT_APP_NAME={cluster}");
        // The config is mounted, never baked in: Kubernetes mounts the ConfigMap as the directory
        // InstanceLayout.ContainerConfigDirectory (no subPath, so a change reaches running pods), Compose mounts
        // containers/config.yaml at the same path.
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml) text.Append($" \\\n    TT_CONFIG={InstanceLayout.ContainerConfigFile}");
        text.Append("\n");
        text.Append($"# The pods run as uid/gid {user} (runAsUser, fsGroup): the image's tarantool user must be exactly that, or the\n");
        text.Append("# data volume would belong to somebody else. Stop the build if the base image ever changes it.\n");
        text.Append($"RUN test \"$(id -u tarantool):$(id -g tarantool)\" = \"{user}:{user}\" \\\n");
        text.Append($" && mkdir -p {image.DataDirectory} {InstanceLayout.ContainerConfigDirectory} {InstanceLayout.BackupStateDir} \\\n");
        text.Append($" && chown {user}:{user} {image.DataDirectory} {InstanceLayout.BackupStateDir}\n");
        text.Append($"WORKDIR {image.AppDirectory}\n");
        text.Append($"COPY --from=builder --chown={user}:{user} {image.AppDirectory}/ ./\n");
        text.Append($"COPY --chmod=0755 {HealthCheckScript.BundlePath} {HealthCheckScript.ImagePath}\n");
        AppendBackupTools(text, plan);
        text.Append($"USER {user}:{user}\n");
        text.Append($"VOLUME [\"{image.DataDirectory}\"]\n");
        text.Append($"EXPOSE {PlatformNaming.ContainerIprotoPort} {PlatformNaming.ContainerMetricsPort}\n");
        var startBudget = plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold;
        text.Append("# The same check as the Kubernetes readiness probe and Compose; the start period is the recovery-time budget.\n");
        text.Append($"HEALTHCHECK --interval={plan.Probes.ReadinessPeriodSeconds.ToString(CultureInfo.InvariantCulture)}s --timeout=5s " +
                    $"--retries={plan.Probes.ReadinessFailureThreshold.ToString(CultureInfo.InvariantCulture)} --start-period={startBudget.ToString(CultureInfo.InvariantCulture)}s \\\n");
        text.Append("  CMD [" + string.Join(", ", HealthCheckScript.Command().Select(a => $"\"{a}\"")) + "]\n");
        text.Append("# The image's own entrypoint configures box.cfg from TARANTOOL_* variables; this image is configured by the\n");
        text.Append("# application instead, so it is bypassed. TT_INSTANCE_NAME selects the instance.\n");
        text.Append("ENTRYPOINT []\n");
        text.Append(plan.ConfigDelivery == ConfigDelivery.ConfigYaml
            ? "CMD [\"sh\", \"-c\", \"exec tarantool --name \\\"${TT_INSTANCE_NAME:?set TT_INSTANCE_NAME}\\\" --config \\\"${TT_CONFIG}\\\"\"]\n"
            : "CMD [\"sh\", \"-c\", \"if [ -f \\\"${TT_INSTANCE_NAME:?set TT_INSTANCE_NAME}.init.lua\\\" ]; then exec tarantool \\\"${TT_INSTANCE_NAME}.init.lua\\\"; fi; exec tarantool init.lua\"]\n");
        return text.ToString();
    }

    /// <summary>The backup phase's scripts travel with the image, so a pod and a host have the same ones at the same
    /// place for restores by hand; the storage clients do not: the scheduled backups run in their own image
    /// (deploy/kubernetes/backup.Dockerfile), under their own service account.</summary>
    private static void AppendBackupTools(StringBuilder text, OrchestrationPlan plan)
    {
        text.Append("# The backup phase's scripts (backup/), at the same place as on the hosts.");
        text.Append(plan.Platform == PlatformNaming.Kubernetes
            ? " Scheduled backups do not run here: the CronJobs of\n# deploy/kubernetes/backup-cronjob.yaml run deploy/kubernetes/backup.Dockerfile's image, which has the storage client.\n"
            : "\n# This image is for local work; on the hosts the deployment phase installs backup/ and mounts the backup share.\n");
        text.Append($"COPY --chmod=0755 backup/ {InstanceLayout.BackupToolsDir}/\n");
    }
}
