using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Semantic rules of an <see cref="OrchestrationPlan"/>: the platform follows the cloud, the image keeps the shared
/// <see cref="InstanceLayout"/> (the backup, monitoring, DR and deployment phases point at the same directories),
/// every topology instance runs exactly once under the naming convention, resources cover the capacity plan,
/// disruption and placement keep replicasets available, probes leave time to recover, Kubernetes restarts stay in the
/// rolling-restart script's hands, and secrets are references only.
/// </summary>
public sealed class OrchestrationPlanValidator : IPhaseValidator<OrchestrationPlan>
{
    /// <summary>Where production instances run.</summary>
    public static readonly IReadOnlyList<string> Platforms = [PlatformNaming.Kubernetes, PlatformNaming.Systemd];

    /// <summary>A workload's role, as <see cref="PlatformNaming.RoleOf"/> derives it from the topology.</summary>
    public static readonly IReadOnlyList<string> WorkloadRoles = ["storage", "router", "stateboard", "db"];

    /// <summary>topologySpreadConstraints whenUnsatisfiable: hard or soft zone spread.</summary>
    public static readonly IReadOnlyList<string> ZoneSpreads = ["DoNotSchedule", "ScheduleAnyway"];

    /// <summary>The only reclaim policy that never deletes a replica's data with its claim.</summary>
    public static readonly IReadOnlyList<string> ReclaimPolicies = ["Retain"];

    /// <summary>The only binding mode that creates each disk in its pod's zone.</summary>
    public static readonly IReadOnlyList<string> VolumeBindingModes = ["WaitForFirstConsumer"];

    private const double BytesPerMib = 1024d * 1024;
    private const double BytesPerGib = 1024d * 1024 * 1024;

    /// <summary>Faster than any disk reads a snapshot and rebuilds indexes; a startup budget below this is certainly too short.</summary>
    private const double FastestRecoveryMbPerSecond = 500;

    public IEnumerable<ValidationIssue> Validate(OrchestrationPlan plan, PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var kubernetes = PlatformNaming.IsKubernetes(request);

        foreach (var issue in ValidatePlatform(plan, request)) yield return issue;
        foreach (var issue in ValidateImage(plan.Image, request)) yield return issue;
        foreach (var issue in ValidateLayout(plan, request)) yield return issue;
        foreach (var issue in ValidateWorkloads(plan, topology, capacity, request)) yield return issue;
        foreach (var issue in ValidateEndpoints(plan, topology, kubernetes)) yield return issue;
        foreach (var issue in ValidateClientServices(plan, topology)) yield return issue;
        foreach (var issue in ValidateProbes(plan.Probes, capacity)) yield return issue;
        foreach (var issue in ValidateSecrets(plan, topology, context)) yield return issue;
        if (plan.Decisions.Count == 0)
            yield return ValidationIssue.Error("orchestration.no-decisions", "Decisions is empty: state at least how host names are mapped and how data is stored.", "decisions");
    }

    private static IEnumerable<ValidationIssue> ValidatePlatform(OrchestrationPlan plan, ClusterRequest request)
    {
        var expected = PlatformNaming.PlatformOf(request);
        if (plan.Platform != expected)
            yield return ValidationIssue.Error("orchestration.platform-mismatch",
                $"Platform is '{plan.Platform}' but cloud '{request.CloudProvider}' runs on '{expected}': kubernetes for kubernetes/aws/azure/gcp, systemd for on-premises.", "platform");

        var delivery = ConfigDelivery.For(request);
        if (plan.ConfigDelivery != delivery)
            yield return ValidationIssue.Error("orchestration.config-delivery",
                $"ConfigDelivery is '{plan.ConfigDelivery}' but this request needs '{delivery}' (config-yaml for 3.x, lua-layout for 2.11, cartridge for Cartridge).", "configDelivery");

        if (expected == PlatformNaming.Kubernetes)
        {
            if (!PlatformNaming.IsDnsLabel(plan.Namespace))
                yield return ValidationIssue.Error("orchestration.namespace", $"Namespace '{plan.Namespace}' is not a DNS-1123 label ([a-z0-9-], at most 63 characters).", "namespace");
            foreach (var issue in ValidateStorageClass(plan.StorageClass, request)) yield return issue;
        }
        else if (plan.StorageClass is not null)
            yield return ValidationIssue.Error("orchestration.storage-class-on-systemd", "StorageClass must be null for systemd deployments: disks are the hosts' own.", "storageClass");
    }

    private static IEnumerable<ValidationIssue> ValidateStorageClass(StorageClassPlan? storageClass, ClusterRequest request)
    {
        var provisioner = ProvisionerFor(request.CloudProvider);
        if (storageClass is null)
        {
            if (provisioner is not null)
                yield return ValidationIssue.Error("orchestration.storage-class-missing", $"A StorageClass with provisioner {provisioner} is required on {request.CloudProvider}.", "storageClass");
            yield break;
        }
        if (provisioner is not null && storageClass.Provisioner != provisioner)
            yield return ValidationIssue.Error("orchestration.storage-class-provisioner",
                $"StorageClass provisioner is '{storageClass.Provisioner}' but {request.CloudProvider} needs '{provisioner}'.", "storageClass.provisioner");
        if (!PlatformNaming.IsDnsLabel(storageClass.Name))
            yield return ValidationIssue.Error("orchestration.storage-class-name", $"StorageClass name '{storageClass.Name}' is not a DNS-1123 label.", "storageClass.name");
        if (!ReclaimPolicies.Contains(storageClass.ReclaimPolicy))
            yield return ValidationIssue.Error("orchestration.storage-class-reclaim",
                "StorageClass reclaimPolicy must be Retain: deleting a claim must never delete the only copy of a replica's snapshots.", "storageClass.reclaimPolicy");
        if (!VolumeBindingModes.Contains(storageClass.VolumeBindingMode))
            yield return ValidationIssue.Error("orchestration.storage-class-binding",
                "StorageClass volumeBindingMode must be WaitForFirstConsumer so each disk is created in the zone its pod was scheduled to.", "storageClass.volumeBindingMode");
    }

    /// <summary>The CSI provisioner a cloud's StorageClass uses, or null where any will do.</summary>
    internal static string? ProvisionerFor(CloudProvider cloud) => cloud switch
    {
        CloudProvider.Aws => "ebs.csi.aws.com",
        CloudProvider.Azure => "disk.csi.azure.com",
        CloudProvider.Gcp => "pd.csi.storage.gke.io",
        _ => null,
    };

    private static IEnumerable<ValidationIssue> ValidateImage(ContainerImagePlan image, ClusterRequest request)
    {
        var version = TarantoolVersion.Parse(request.TarantoolVersion);
        const string repository = "tarantool/tarantool:";
        if (!image.BaseImage.StartsWith(repository, StringComparison.Ordinal))
            yield return ValidationIssue.Error("orchestration.base-image", $"BaseImage '{image.BaseImage}' must be the official image {repository}<version>.", "image.baseImage");
        else if (!TarantoolVersion.TryParse(image.BaseImage[repository.Length..].Split('-')[0], out var tag) || tag != version)
            yield return ValidationIssue.Error("orchestration.base-image-version",
                $"BaseImage '{image.BaseImage}' does not match the requested Tarantool {version}: use tag {version} or {version}.<patch>.", "image.baseImage");
        if (!image.AppDirectory.StartsWith('/') || !image.DataDirectory.StartsWith('/'))
            yield return ValidationIssue.Error("orchestration.image-paths", "AppDirectory and DataDirectory must be absolute paths.", "image");
        if (image.RunAsUser <= 0)
            yield return ValidationIssue.Error("orchestration.run-as-root", "RunAsUser must be a non-root numeric user id.", "image.runAsUser");
    }

    /// <summary>Cross-phase rules: the paths every other phase derives from <see cref="InstanceLayout"/>, and the
    /// update strategy the deployment phase's rolling restart relies on.</summary>
    private static IEnumerable<ValidationIssue> ValidateLayout(OrchestrationPlan plan, ClusterRequest request)
    {
        if (plan.Image.DataDirectory != InstanceLayout.ContainerDataRoot)
            yield return ValidationIssue.Error("orchestration.data-directory",
                $"DataDirectory is '{plan.Image.DataDirectory}' but the backup scripts, restore procedures, disk alerts, DR drills and backup CronJobs expect the data volume at {InstanceLayout.ContainerDataRoot} (instances in {InstanceLayout.ContainerDataRoot}/<instance>).", "image.dataDirectory");
        var app = InstanceLayout.AppDirectory(request.ClusterName);
        if (plan.Image.AppDirectory != app)
            yield return ValidationIssue.Error("orchestration.app-directory",
                $"AppDirectory is '{plan.Image.AppDirectory}' but the application lives in {app} on hosts and in the image alike (the configuration phase's tt environment); operators' tt commands run there.", "image.appDirectory");
        if (plan.Platform == PlatformNaming.Kubernetes && !plan.Decisions.Any(d => d.Contains(StatefulSetBuilder.UpdateStrategy, StringComparison.Ordinal)))
            yield return ValidationIssue.Warning("orchestration.update-strategy",
                $"The StatefulSets use updateStrategy {StatefulSetBuilder.UpdateStrategy} so that only the deployment phase's rolling-restart.sh restarts pods (replicas first, the leader last after a switchover); state that decision and its reason.", "decisions");
    }

    private static IEnumerable<ValidationIssue> ValidateWorkloads(OrchestrationPlan plan, ClusterTopology topology, CapacityPlan capacity, ClusterRequest request)
    {
        var expected = topology.Replicasets.Select(r => r.Name).ToList();
        var actual = plan.Workloads.Select(w => w.Replicaset).ToList();
        foreach (var missing in expected.Except(actual))
            yield return ValidationIssue.Error("orchestration.workload-missing", $"Replicaset {missing} has no workload; add one named after it.", "workloads");
        foreach (var extra in actual.Except(expected))
            yield return ValidationIssue.Error("orchestration.workload-unknown", $"Workload {extra} is not a replicaset of the topology.", "workloads");
        foreach (var duplicate in actual.GroupBy(a => a).Where(g => g.Count() > 1))
            yield return ValidationIssue.Error("orchestration.workload-duplicate", $"Replicaset {duplicate.Key} has {duplicate.Count()} workloads; it needs exactly one.", "workloads");

        var production = request.Environment == DeploymentEnvironment.Production;
        for (var i = 0; i < plan.Workloads.Count; i++)
        {
            var workload = plan.Workloads[i];
            var path = $"workloads[{i}]";
            var replicaset = topology.Replicasets.FirstOrDefault(r => r.Name == workload.Replicaset);
            if (replicaset is null) continue;

            var instances = replicaset.Instances.Select(n => n.Name).ToList();
            if (!workload.Instances.SequenceEqual(instances))
                yield return ValidationIssue.Error("orchestration.workload-instances",
                    $"Workload {workload.Replicaset} lists [{string.Join(", ", workload.Instances)}] but the topology has [{string.Join(", ", instances)}] in that order.", path + ".instances");
            var role = PlatformNaming.RoleOf(replicaset.Roles);
            if (workload.Role != role)
                yield return ValidationIssue.Error("orchestration.workload-role", $"Workload {workload.Replicaset} has role '{workload.Role}', the topology implies '{role}'.", path + ".role");

            var (ramBytes, cpu, diskGb) = role switch
            {
                "storage" or "db" => (capacity.RamPerStorageInstanceBytes, capacity.CpuPerStorageInstance, capacity.DiskPerStorageInstanceGb),
                "router" => (capacity.RouterMemtxMemoryBytes, capacity.CpuPerRouter, 0d),
                _ => (0L, 0, 0d),
            };
            if (workload.MemoryRequestMib < Math.Ceiling(ramBytes / BytesPerMib))
                yield return ValidationIssue.Error("orchestration.memory-below-capacity",
                    $"Workload {workload.Replicaset} requests {workload.MemoryRequestMib} MiB but the capacity plan needs {Math.Ceiling(ramBytes / BytesPerMib)} MiB per instance.", path + ".memoryRequestMib");
            if (workload.MemoryLimitMib < workload.MemoryRequestMib)
                yield return ValidationIssue.Error("orchestration.memory-limit", $"Workload {workload.Replicaset} has a memory limit below its request.", path + ".memoryLimitMib");
            if (workload.CpuRequestMillicores < cpu * 1000)
                yield return ValidationIssue.Error("orchestration.cpu-below-capacity",
                    $"Workload {workload.Replicaset} requests {workload.CpuRequestMillicores}m CPU but the capacity plan needs {cpu * 1000}m.", path + ".cpuRequestMillicores");
            if (workload.CpuLimitMillicores < workload.CpuRequestMillicores)
                yield return ValidationIssue.Error("orchestration.cpu-limit", $"Workload {workload.Replicaset} has a CPU limit below its request.", path + ".cpuLimitMillicores");
            var diskGib = Math.Ceiling(diskGb * 1e9 / BytesPerGib);
            if (workload.VolumeGib < Math.Max(diskGib, 1))
                yield return ValidationIssue.Error("orchestration.volume-below-capacity",
                    $"Workload {workload.Replicaset} has {workload.VolumeGib} GiB volumes but the capacity plan needs {Math.Max(diskGib, 1)} GiB per instance.", path + ".volumeGib");
            if (workload.MaxUnavailable != 1)
                yield return ValidationIssue.Error("orchestration.pdb",
                    $"Workload {workload.Replicaset} allows {workload.MaxUnavailable} unavailable pods; the PodDisruptionBudget must keep maxUnavailable at 1.", path + ".maxUnavailable");
            if (!ZoneSpreads.Contains(workload.ZoneSpread))
                yield return ValidationIssue.Error("orchestration.zone-spread", $"ZoneSpread '{workload.ZoneSpread}' must be DoNotSchedule or ScheduleAnyway.", path + ".zoneSpread");
            if (production && instances.Count > 1 && capacity.Hosts >= instances.Count && !workload.RequiredNodeAntiAffinity)
                yield return ValidationIssue.Error("orchestration.anti-affinity",
                    $"Production replicaset {workload.Replicaset} must require node anti-affinity: two members on one node are lost together.", path + ".requiredNodeAntiAffinity");
            if (request.ClusterType == ClusterType.MultiRegion && topology.Regions.Count > 1 && instances.Count > 1 && !workload.SpreadAcrossRegions)
                yield return ValidationIssue.Warning("orchestration.region-spread",
                    $"Multi-region replicaset {workload.Replicaset} is not spread across regions; a region loss would take all its members.", path + ".spreadAcrossRegions");
        }
    }

    private static IEnumerable<ValidationIssue> ValidateEndpoints(OrchestrationPlan plan, ClusterTopology topology, bool kubernetes)
    {
        var instances = topology.Replicasets.SelectMany(r => r.Instances.Select((n, i) => (Replicaset: r, Node: n, Ordinal: i + 1))).ToList();
        foreach (var (replicaset, node, ordinal) in instances)
        {
            var matches = plan.Endpoints.Where(e => e.Instance == node.Name).ToList();
            if (matches.Count != 1)
            {
                yield return ValidationIssue.Error("orchestration.endpoint-count", $"Instance {node.Name} has {matches.Count} endpoints; it needs exactly one.", "endpoints");
                continue;
            }
            var endpoint = matches[0];
            if (endpoint.Replicaset != replicaset.Name)
                yield return ValidationIssue.Error("orchestration.endpoint-replicaset", $"Endpoint of {node.Name} names replicaset {endpoint.Replicaset}, the topology says {replicaset.Name}.", "endpoints");
            var pod = PlatformNaming.PodName(replicaset.Name, ordinal);
            if (kubernetes)
            {
                var host = PlatformNaming.PodHost(pod, replicaset.Name, plan.Namespace);
                if (endpoint.PodName != pod || endpoint.Host != host)
                    yield return ValidationIssue.Error("orchestration.endpoint-pod-dns",
                        $"Instance {node.Name} must run as pod {pod} reachable at {host} (StatefulSet {replicaset.Name}, ordinals from 1, headless Service {replicaset.Name}); got pod {endpoint.PodName} at {endpoint.Host}.", "endpoints");
                if (endpoint.IprotoPort != PlatformNaming.ContainerIprotoPort || endpoint.MetricsPort != PlatformNaming.ContainerMetricsPort)
                    yield return ValidationIssue.Error("orchestration.endpoint-ports",
                        $"Pods share one template per StatefulSet, so every pod uses iproto {PlatformNaming.ContainerIprotoPort} and metrics {PlatformNaming.ContainerMetricsPort}; {node.Name} has {endpoint.IprotoPort}/{endpoint.MetricsPort}.", "endpoints");
            }
            else if (endpoint.Host != node.Host || endpoint.IprotoPort != node.Port || endpoint.MetricsPort != node.MetricsPort)
                yield return ValidationIssue.Error("orchestration.endpoint-host",
                    $"On systemd instance {node.Name} keeps its topology address {node.Host}:{node.Port} (metrics {node.MetricsPort}).", "endpoints");
            if (endpoint.ComposeService != node.Name)
                yield return ValidationIssue.Error("orchestration.compose-service", $"Compose service of {node.Name} must be named {node.Name}.", "endpoints");
        }
        foreach (var unknown in plan.Endpoints.Where(e => instances.All(i => i.Node.Name != e.Instance)))
            yield return ValidationIssue.Error("orchestration.endpoint-unknown", $"Endpoint {unknown.Instance} is not an instance of the topology.", "endpoints");

        var hostPorts = plan.Endpoints.SelectMany(e => new[] { e.ComposeIprotoHostPort, e.ComposeMetricsHostPort }).ToList();
        foreach (var clash in hostPorts.GroupBy(p => p).Where(g => g.Count() > 1))
            yield return ValidationIssue.Error("orchestration.compose-port-clash", $"Compose host port {clash.Key} is published {clash.Count()} times; each published port must be unique.", "endpoints");
    }

    private static IEnumerable<ValidationIssue> ValidateClientServices(OrchestrationPlan plan, ClusterTopology topology)
    {
        if (plan.ClientServices.Count == 0)
        {
            yield return ValidationIssue.Error("orchestration.no-client-service", "ClientServices is empty: applications need a Service (routers, or the data replicaset).", "clientServices");
            yield break;
        }
        var routers = topology.Replicasets.Where(r => PlatformNaming.RoleOf(r.Roles) == "router").Select(r => r.Name).ToHashSet();
        var served = plan.ClientServices.SelectMany(s => s.Replicasets).ToHashSet();
        if (routers.Count > 0 && !routers.IsSubsetOf(served))
            yield return ValidationIssue.Error("orchestration.router-service",
                $"Sharded clusters are reached through routers: a client Service must cover [{string.Join(", ", routers.Order(StringComparer.Ordinal))}].", "clientServices");
        foreach (var service in plan.ClientServices)
        {
            if (!PlatformNaming.IsDnsLabel(service.Name))
                yield return ValidationIssue.Error("orchestration.service-name", $"Service name '{service.Name}' is not a DNS-1123 label.", "clientServices");
            foreach (var unknown in service.Replicasets.Where(r => topology.Replicasets.All(t => t.Name != r)))
                yield return ValidationIssue.Error("orchestration.service-replicaset", $"Service {service.Name} selects unknown replicaset {unknown}.", "clientServices");
            if (service.PinnedPod.Length > 0 && plan.Endpoints.All(e => e.PodName != service.PinnedPod))
                yield return ValidationIssue.Error("orchestration.service-pinned-pod", $"Service {service.Name} pins pod {service.PinnedPod}, which no endpoint has.", "clientServices");
            // Nothing repoints a pinned Service when the leader moves (a switchover, a rolling restart's lead move, a
            // failover), so it would send writes to a replica from then on: writes reach the leader through the routers
            // (sharded) or through the connector's leader discovery (box.info.ro), never through a pod pinned at design time.
            else if (service.PinnedPod.Length > 0 && topology.FailoverMode != "off")
                yield return ValidationIssue.Error("orchestration.service-pinned-leader",
                    $"Service {service.Name} pins pod {service.PinnedPod} as the write endpoint, but nothing moves it when the leader changes (failover {topology.FailoverMode}): serve every member and document leader discovery (box.info.ro) instead.", "clientServices");
        }
    }

    private static IEnumerable<ValidationIssue> ValidateProbes(ProbePlan probes, CapacityPlan capacity)
    {
        var budget = probes.StartupPeriodSeconds * probes.StartupFailureThreshold;
        var floor = Math.Max(60, capacity.SnapshotSizeGb * 1000 / FastestRecoveryMbPerSecond);
        if (budget < floor)
            yield return ValidationIssue.Error("orchestration.startup-budget",
                $"The startup probe allows {budget} s but reading a {capacity.SnapshotSizeGb} GB snapshot takes at least {Math.Ceiling(floor)} s even at {FastestRecoveryMbPerSecond} MB/s: raise startupFailureThreshold or the kubelet restarts the pod mid-recovery forever.", "probes");
        if (budget < probes.EstimatedRecoverySeconds)
            yield return ValidationIssue.Error("orchestration.startup-below-estimate",
                $"The startup probe allows {budget} s, less than the plan's own recovery estimate of {probes.EstimatedRecoverySeconds} s.", "probes");
        if (probes.LivenessPeriodSeconds * probes.LivenessFailureThreshold < 30)
            yield return ValidationIssue.Error("orchestration.liveness-too-eager",
                "Liveness tolerates less than 30 s of failures: a snapshot or a long transaction would get a healthy leader killed.", "probes");
        if (probes.ReadinessPeriodSeconds <= 0 || probes.ReadinessFailureThreshold <= 0 || probes.StartupPeriodSeconds <= 0 || probes.LivenessPeriodSeconds <= 0)
            yield return ValidationIssue.Error("orchestration.probe-values", "Probe periods and thresholds must be positive.", "probes");
        if (!probes.ReadinessPath.StartsWith('/'))
            yield return ValidationIssue.Error("orchestration.readiness-path", "ReadinessPath must be an absolute HTTP path such as /metrics.", "probes.readinessPath");
        if (probes.TerminationGraceSeconds < 10)
            yield return ValidationIssue.Error("orchestration.termination-grace", "TerminationGraceSeconds below 10 s does not let Tarantool finish in-flight WAL writes.", "probes.terminationGraceSeconds");
    }

    private static IEnumerable<ValidationIssue> ValidateSecrets(OrchestrationPlan plan, ClusterTopology topology, PhaseContext context)
    {
        var names = plan.Secrets.Select(s => s.ContextName).ToHashSet(StringComparer.Ordinal);
        foreach (var user in topology.Users.Where(u => u.PasswordSecret.Length > 0))
            if (!names.Contains(user.PasswordSecret))
                yield return ValidationIssue.Error("orchestration.secret-missing",
                    $"User {user.Name} reads its password from '{user.PasswordSecret}' but no secret reference provides it.", "secrets");
        foreach (var secret in plan.Secrets)
        {
            var viaEnv = secret.EnvVar.Length > 0;
            var viaFile = secret.FilePath.Length > 0;
            if (viaEnv == viaFile)
                yield return ValidationIssue.Error("orchestration.secret-delivery", $"Secret {secret.ContextName} must set exactly one of envVar or filePath.", "secrets");
            if (viaFile && !secret.FilePath.StartsWith('/'))
                yield return ValidationIssue.Error("orchestration.secret-file-path", $"Secret {secret.ContextName} file path must be absolute.", "secrets");
            if (!PlatformNaming.IsDnsLabel(secret.SecretKey.Replace('.', '-')) || !IsDnsSubdomain(secret.SecretName))
                yield return ValidationIssue.Error("orchestration.secret-names", $"Secret {secret.ContextName}: '{secret.SecretName}'/'{secret.SecretKey}' are not valid Kubernetes names.", "secrets");
        }
        // iproto TLS names certificate files; a container that does not mount them cannot start its listener.
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml)
            foreach (var file in IprotoTlsFiles.In(context.FindFile("tarantool/config.yaml")).Where(f => plan.Secrets.All(s => s.FilePath != f)))
                yield return ValidationIssue.Error("orchestration.tls-file-missing",
                    $"tarantool/config.yaml uses iproto TLS with {file}, but no secret reference mounts that file; add a file secret (for example from the cluster's TLS Secret) at that path.", "secrets");
        if (context.FindFile("tarantool/config.yaml") is { } config)
            foreach (var secret in plan.Secrets.Where(s => s.EnvVar.Length > 0 && !s.EnvVar.StartsWith("TARANTOOL_", StringComparison.Ordinal)))
                if (!config.Contains(secret.EnvVar, StringComparison.Ordinal))
                    yield return ValidationIssue.Warning("orchestration.secret-env-unused",
                        $"Secret {secret.ContextName} is passed as {secret.EnvVar}, which tarantool/config.yaml never reads.", "secrets");
    }

    private static bool IsDnsSubdomain(string name) => name.Length <= 253 && name.Split('.').All(PlatformNaming.IsDnsLabel);
}
