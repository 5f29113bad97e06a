using System.Globalization;
using Tarantool.Agents.Phases.Topology;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Builds the StatefulSet of one replicaset: pods named after instances (ordinals from 1), started in parallel
/// (a replicaset bootstraps only when its peers can connect), updated only when deleted (OnDelete, so restarts
/// follow the rolling-restart script's leader-last order), each with its own volume, anti-affinity across nodes,
/// spread across zones, probes sized from recovery time and secrets referenced by name.
/// </summary>
public static class StatefulSetBuilder
{
    /// <summary>The Tarantool container of every pod (what <c>kubectl exec</c> runs in).</summary>
    public const string ContainerName = "tarantool";

    /// <summary>The StatefulSets' update strategy: pods pick up a new template only when deleted.</summary>
    public const string UpdateStrategy = "OnDelete";

    /// <summary>The pod template annotation carrying the sha256 of the ConfigMap's config.yaml.</summary>
    public const string ConfigChecksumAnnotation = "checksum/config";

    /// <param name="configChecksum">sha256 (hex) of the ConfigMap's config.yaml, or null when no ConfigMap is mounted.</param>
    public static YamlMappingNode Build(OrchestrationPlan plan, WorkloadPlan workload, ClusterTopology topology, string configMapName, string? configChecksum = null)
    {
        var ns = plan.Namespace;
        var labels = KubernetesLabels.ForWorkload(ns, workload);
        var podSpec = Map(
            ("securityContext", Map(
                ("runAsNonRoot", Bool(true)),
                ("runAsUser", Int(plan.Image.RunAsUser)),
                ("runAsGroup", Int(plan.Image.RunAsUser)),
                ("fsGroup", Int(plan.Image.RunAsUser)),
                ("fsGroupChangePolicy", Str("OnRootMismatch")),
                ("seccompProfile", Map(("type", Str("RuntimeDefault")))))),
            // No instance talks to the Kubernetes API: no token in the pod for anything to steal.
            ("automountServiceAccountToken", Bool(false)),
            ("terminationGracePeriodSeconds", Int(plan.Probes.TerminationGraceSeconds)),
            ("affinity", Affinity(ns, workload)),
            ("topologySpreadConstraints", Spread(ns, workload)),
            ("containers", Seq(ContainerSpec(plan, workload, topology))),
            ("volumes", Seq(Volumes(plan, configMapName))));

        var storage = Map(("requests", Map(("storage", Str(KubernetesQuantities.StorageGib(workload.VolumeGib))))));
        var claimSpec = Map(
            ("accessModes", Seq(Str("ReadWriteOnce"))),
            ("storageClassName", plan.StorageClass is null ? null : Str(plan.StorageClass.Name)),
            ("resources", storage));

        return Map(
            ("apiVersion", Str("apps/v1")),
            ("kind", Str("StatefulSet")),
            ("metadata", Map(("name", Str(workload.Replicaset)), ("namespace", Str(ns)), ("labels", labels))),
            ("spec", Map(
                ("serviceName", Str(workload.Replicaset)),
                ("replicas", Int(workload.Instances.Count)),
                ("ordinals", Map(("start", Int(1)))),
                ("podManagementPolicy", Str("Parallel")),
                // OnDelete: a changed template reaches a pod only when the pod is deleted, so the deployment phase's
                // rolling-restart.sh alone decides the order (replicas first, the leader last after a switchover);
                // RollingUpdate would restart pods by descending ordinal, leader or not.
                ("updateStrategy", Map(("type", Str(UpdateStrategy)))),
                ("persistentVolumeClaimRetentionPolicy", Map(("whenDeleted", Str("Retain")), ("whenScaled", Str("Retain")))),
                ("selector", Map(("matchLabels", KubernetesLabels.Selector(ns, workload.Replicaset)))),
                // The checksum makes a config change visible in the template (kubectl diff, and a pod recreated by
                // rolling-restart.sh is known to carry it); OnDelete keeps it from restarting anything by itself.
                ("template", Map(("metadata", Map(
                    ("labels", KubernetesLabels.ForWorkload(ns, workload)),
                    ("annotations", configChecksum is null ? null : Map((ConfigChecksumAnnotation, Str(configChecksum)))))), ("spec", podSpec))),
                ("volumeClaimTemplates", Seq(Map(
                    ("metadata", Map(("name", Str(InstanceLayout.DataVolume)), ("labels", KubernetesLabels.Selector(ns, workload.Replicaset)))),
                    ("spec", claimSpec)))))));
    }

    private static YamlMappingNode ContainerSpec(OrchestrationPlan plan, WorkloadPlan workload, ClusterTopology topology)
    {
        var probes = plan.Probes;
        var hasMetrics = workload.Role != "stateboard";
        var ports = new List<YamlNode> { Map(("name", Str("iproto")), ("containerPort", Int(PlatformNaming.ContainerIprotoPort)), ("protocol", Str("TCP"))) };
        if (hasMetrics) ports.Add(Map(("name", Str("metrics")), ("containerPort", Int(PlatformNaming.ContainerMetricsPort)), ("protocol", Str("TCP"))));

        // Readiness from the instance's own state (status, config status, upstreams) through the console every container
        // form opens in the data directory.
        var readiness = Map(("exec", Map(("command", Seq(HealthCheckScript.Command().Select(a => (YamlNode)Str(a)))))), ("periodSeconds", Int(probes.ReadinessPeriodSeconds)), ("timeoutSeconds", Int(5)), ("failureThreshold", Int(probes.ReadinessFailureThreshold)));

        var resources = Map(
            ("requests", Map(("cpu", Str(KubernetesQuantities.Cpu(workload.CpuRequestMillicores))), ("memory", Str(KubernetesQuantities.MemoryMib(workload.MemoryRequestMib))))),
            ("limits", Map(("cpu", Str(KubernetesQuantities.Cpu(workload.CpuLimitMillicores))), ("memory", Str(KubernetesQuantities.MemoryMib(workload.MemoryLimitMib))))));

        var mounts = new List<YamlNode>
        {
            Map(("name", Str(InstanceLayout.DataVolume)), ("mountPath", Str(plan.Image.DataDirectory))),
        };
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml)
            // A directory mount, never subPath: kubelet updates it when the ConfigMap changes, so config:reload() works.
            mounts.Add(Map(("name", Str("config")), ("mountPath", Str(InstanceLayout.ContainerConfigDirectory)), ("readOnly", Bool(true))));
        foreach (var (directory, index) in SecretDirectories(plan).Select((d, i) => (d.Key, i)))
            mounts.Add(Map(("name", Str($"secrets-{index.ToString(CultureInfo.InvariantCulture)}")), ("mountPath", Str(directory)), ("readOnly", Bool(true))));

        return Map(
            ("name", Str(ContainerName)),
            ("image", Str(plan.Image.ImageName)),
            ("imagePullPolicy", Str("IfNotPresent")),
            ("command", plan.ConfigDelivery == ConfigDelivery.ConfigYaml ? Seq(Str("tarantool")) : null),
            ("args", plan.ConfigDelivery == ConfigDelivery.ConfigYaml
                ? Seq(Str("--name"), Str("$(TT_INSTANCE_NAME)"), Str("--config"), Str(InstanceLayout.ContainerConfigFile))
                : null),
            ("workingDir", Str(plan.Image.AppDirectory)),
            ("env", Seq(InstanceEnvironment.ForKubernetes(plan, workload, topology).Select(EnvVar))),
            ("ports", Seq(ports)),
            ("resources", resources),
            ("startupProbe", Map(("tcpSocket", Map(("port", Str("iproto")))), ("periodSeconds", Int(probes.StartupPeriodSeconds)), ("timeoutSeconds", Int(3)), ("failureThreshold", Int(probes.StartupFailureThreshold)))),
            ("livenessProbe", Map(("tcpSocket", Map(("port", Str("iproto")))), ("periodSeconds", Int(probes.LivenessPeriodSeconds)), ("timeoutSeconds", Int(5)), ("failureThreshold", Int(probes.LivenessFailureThreshold)))),
            ("readinessProbe", readiness),
            ("volumeMounts", Seq(mounts)),
            ("securityContext", RestrictedContainer()));
    }

    /// <summary>What the restricted Pod Security level asks of every container, stated on the container itself so it
    /// holds even where a pod-level default is overridden.</summary>
    public static YamlMappingNode RestrictedContainer() => Map(
        ("runAsNonRoot", Bool(true)),
        ("allowPrivilegeEscalation", Bool(false)),
        ("capabilities", Map(("drop", Seq(Str("ALL"))))),
        ("seccompProfile", Map(("type", Str("RuntimeDefault")))));

    private static YamlNode EnvVar(EnvEntry entry)
    {
        if (entry.FromPodName)
            return Map(("name", Str(entry.Name)), ("valueFrom", Map(("fieldRef", Map(("fieldPath", Str("metadata.name")))))));
        if (entry.Secret is { } secret)
            return Map(("name", Str(entry.Name)), ("valueFrom", Map(("secretKeyRef", Map(("name", Str(secret.SecretName)), ("key", Str(secret.SecretKey)), ("optional", Bool(false)))))));
        return Map(("name", Str(entry.Name)), ("value", Str(entry.Value)));
    }

    private static IEnumerable<YamlNode> Volumes(OrchestrationPlan plan, string configMapName)
    {
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml)
            yield return Map(("name", Str("config")), ("configMap", Map(("name", Str(configMapName)))));
        foreach (var (group, index) in SecretDirectories(plan).Select((g, i) => (g, i)))
        {
            var sources = group.GroupBy(s => s.SecretName).Select(bySecret => (YamlNode)Map(("secret", Map(
                ("name", Str(bySecret.Key)),
                ("items", Seq(bySecret.Select(s => (YamlNode)Map(("key", Str(s.SecretKey)), ("path", Str(Path.GetFileName(s.FilePath)))))))))));
            yield return Map(("name", Str($"secrets-{index.ToString(CultureInfo.InvariantCulture)}")), ("projected", Map(("sources", Seq(sources)), ("defaultMode", Int(256)))));
        }
    }

    /// <summary>File-delivered secrets grouped by the directory they are read from.</summary>
    private static IEnumerable<IGrouping<string, SecretReference>> SecretDirectories(OrchestrationPlan plan) =>
        plan.Secrets.Where(s => s.FilePath.Length > 0).GroupBy(s => Path.GetDirectoryName(s.FilePath)!.Replace('\\', '/')).OrderBy(g => g.Key, StringComparer.Ordinal);

    /// <summary>The pods a placement rule counts: the replicaset's members, or every router for a router (each router is
    /// a replicaset of its own, and a rule per router would let a node or a zone hold all of them).</summary>
    private static YamlMappingNode PlacementSelector(string ns, WorkloadPlan workload) =>
        workload.Role == "router" ? KubernetesLabels.RoleSelector(ns, "router") : KubernetesLabels.Selector(ns, workload.Replicaset);

    private static YamlMappingNode Affinity(string ns, WorkloadPlan workload)
    {
        var term = Map(
            ("labelSelector", Map(("matchLabels", PlacementSelector(ns, workload)))),
            ("topologyKey", Str("kubernetes.io/hostname")));
        return Map(("podAntiAffinity", workload.RequiredNodeAntiAffinity
            ? Map(("requiredDuringSchedulingIgnoredDuringExecution", Seq(term)))
            : Map(("preferredDuringSchedulingIgnoredDuringExecution", Seq(Map(("weight", Int(100)), ("podAffinityTerm", term)))))));
    }

    private static YamlSequenceNode Spread(string ns, WorkloadPlan workload)
    {
        var constraints = new List<YamlNode>
        {
            Map(("maxSkew", Int(1)), ("topologyKey", Str("topology.kubernetes.io/zone")), ("whenUnsatisfiable", Str(workload.ZoneSpread)),
                ("labelSelector", Map(("matchLabels", PlacementSelector(ns, workload))))),
        };
        if (workload.SpreadAcrossRegions)
            constraints.Add(Map(("maxSkew", Int(1)), ("topologyKey", Str("topology.kubernetes.io/region")), ("whenUnsatisfiable", Str("DoNotSchedule")),
                ("labelSelector", Map(("matchLabels", PlacementSelector(ns, workload))))));
        return Seq(constraints);
    }
}
