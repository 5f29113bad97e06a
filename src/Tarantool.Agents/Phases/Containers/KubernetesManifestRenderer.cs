using System.Globalization;
using Tarantool.Agents.Phases.Topology;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>kubernetes/</c>: Namespace, StorageClass, the ConfigMap with the Kubernetes variant of config.yaml,
/// per replicaset a headless Service, StatefulSet and PodDisruptionBudget, the client Services and a
/// kustomization.yaml listing every manifest. Secrets are referenced, never written.
/// </summary>
public static class KubernetesManifestRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        var topology = context.Get<ClusterTopology>();
        var ns = plan.Namespace;
        var configMapName = $"{ns}-config";
        var files = new List<BundleFile> { Manifest("namespace.yaml", Namespace(ns)) };
        string? configChecksum = null;
        if (plan.StorageClass is { } storageClass) files.Add(Manifest("storageclass.yaml", StorageClass(ns, storageClass)));

        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml && context.FindFile("tarantool/config.yaml") is { } config)
        {
            var targets = plan.Endpoints.Select(e => new ConfigRewriteTarget(e.Instance, e.Host, e.IprotoPort, e.MetricsPort)).ToList();
            var rewritten = ContainerConfigRewriter.Rewrite(config, topology, targets, $"Kubernetes namespace {ns} (pod DNS names through headless Services)");
            files.Add(Manifest("configmap.yaml", Map(
                ("apiVersion", Str("v1")),
                ("kind", Str("ConfigMap")),
                ("metadata", Map(("name", Str(configMapName)), ("namespace", Str(ns)), ("labels", KubernetesLabels.Common(ns)))),
                ("data", Map(("config.yaml", Block(rewritten)))))));
            configChecksum = ConfigChecksum(rewritten);
        }

        foreach (var workload in plan.Workloads)
        {
            files.Add(Manifest($"service-{workload.Replicaset}.yaml", HeadlessService(ns, workload)));
            files.Add(Manifest($"statefulset-{workload.Replicaset}.yaml", StatefulSetBuilder.Build(plan, workload, topology, configMapName, configChecksum)));
            // Every router is a replicaset of its own: budgets per router would each allow one eviction, so a drain
            // could take them all. The routers share one budget instead (below).
            if (workload.Role != "router") files.Add(Manifest($"pdb-{workload.Replicaset}.yaml", DisruptionBudget(ns, workload)));
        }
        if (plan.Workloads.Any(w => w.Role == "router"))
            files.Add(Manifest($"pdb-{RoutersBudget}.yaml", RouterDisruptionBudget(ns)));
        foreach (var service in plan.ClientServices)
            files.Add(Manifest($"service-{service.Name}.yaml", ClientService(plan, service)));
        files.Add(new BundleFile("kubernetes/networkpolicy.yaml", "kubernetes-manifest", NetworkPolicyRenderer.Render(plan)));

        var kustomization = Map(
            ("apiVersion", Str("kustomize.config.k8s.io/v1beta1")),
            ("kind", Str("Kustomization")),
            ("namespace", Str(ns)),
            ("resources", Seq(files.Select(f => (YamlNode)Str(f.Path["kubernetes/".Length..])))),
            // The one place to point the StatefulSets at your registry: kustomize edit set image NAME=REGISTRY/NAME:TAG.
            ("images", Seq(Map(("name", Str(ImageRepository(plan.Image.ImageName))), ("newName", Str(ImageRepository(plan.Image.ImageName))), ("newTag", Str(ImageTag(plan.Image.ImageName)))))));
        var secretNames = plan.Secrets.Select(s => s.SecretName).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = new List<string> { $"Kubernetes deployment of {context.Request.ClusterName}. Create the Secrets first, from files you keep out of git:" };
        foreach (var name in secretNames)
        {
            var keys = plan.Secrets.Where(s => s.SecretName == name).Select(s => s.SecretKey).Distinct();
            header.Add($"  kubectl -n {ns} create secret generic {name} " + string.Join(" ", keys.Select(k => $"--from-file={k}=./{k}")));
        }
        header.Add($"Push the image and point images: at it: (cd kubernetes && kustomize edit set image {ImageRepository(plan.Image.ImageName)}=REGISTRY/{plan.Image.ImageName})");
        header.Add("Then: kubectl apply -k kubernetes/");
        files.Add(new BundleFile("kubernetes/kustomization.yaml", "kustomization", Emit(kustomization, [.. header])));
        return files;
    }

    /// <summary>
    /// sha256 (lower-case hex) of the config.yaml the ConfigMap carries, exactly as the pod sees the file (UTF-8), so
    /// <c>sha256sum</c> of the mounted file inside a pod equals the template's <c>checksum/config</c> annotation.
    /// </summary>
    public static string ConfigChecksum(string configYaml) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(configYaml)));

    /// <summary>The client Service annotation saying how writes reach the leader (routers, or leader discovery).</summary>
    public const string WritePathAnnotation = "tarantool.io/writes";

    /// <summary>How a Service's writes reach the leader, in one line.</summary>
    private static string WritePath(ClientServicePlan service) =>
        service.PinnedPod.Length > 0 ? $"pinned to {service.PinnedPod}"
        : service.Name.EndsWith("-router", StringComparison.Ordinal) ? "through the vshard routers, which send each write to its bucket's leader"
        : service.Reason.Contains("failover off", StringComparison.Ordinal) ? "any member: every master takes writes (failover off)"
        : "client-side leader discovery: write to the member whose box.info.ro is false";

    /// <summary>The shared disruption budget (and file name) of all routers.</summary>
    public const string RoutersBudget = "routers";

    private static string ImageRepository(string image) => image.Contains(':', StringComparison.Ordinal) ? image[..image.LastIndexOf(':')] : image;

    private static string ImageTag(string image) => image.Contains(':', StringComparison.Ordinal) ? image[(image.LastIndexOf(':') + 1)..] : "latest";

    private static YamlMappingNode RouterDisruptionBudget(string ns) => Map(
        ("apiVersion", Str("policy/v1")),
        ("kind", Str("PodDisruptionBudget")),
        ("metadata", Map(("name", Str($"{ns}-{RoutersBudget}")), ("namespace", Str(ns)), ("labels", KubernetesLabels.Common(ns)))),
        ("spec", Map(
            ("maxUnavailable", Int(1)),
            ("selector", Map(("matchLabels", KubernetesLabels.RoleSelector(ns, "router")))))));

    private static BundleFile Manifest(string name, YamlMappingNode root) => new($"kubernetes/{name}", "kubernetes-manifest", Emit(root));

    /// <summary>The namespace label that makes the API server refuse pods below <see cref="PodSecurityLevel"/>.</summary>
    public const string PodSecurityEnforce = "pod-security.kubernetes.io/enforce";

    /// <summary>The Pod Security Standard every pod of the bundle meets.</summary>
    public const string PodSecurityLevel = "restricted";

    private static YamlMappingNode Namespace(string ns)
    {
        var labels = KubernetesLabels.Common(ns);
        // Every pod template of the bundle (StatefulSets, backup CronJobs) meets the restricted level: non-root,
        // RuntimeDefault seccomp, no privilege escalation, all capabilities dropped, no hostPath. Warn and audit at the
        // same level so a hand-made pod that would be refused shows up before it is.
        labels.Add(PodSecurityEnforce, Str(PodSecurityLevel));
        labels.Add("pod-security.kubernetes.io/enforce-version", Str("latest"));
        labels.Add("pod-security.kubernetes.io/warn", Str(PodSecurityLevel));
        labels.Add("pod-security.kubernetes.io/audit", Str(PodSecurityLevel));
        return Map(("apiVersion", Str("v1")), ("kind", Str("Namespace")), ("metadata", Map(("name", Str(ns)), ("labels", labels))));
    }

    private static YamlMappingNode StorageClass(string ns, StorageClassPlan storageClass) => Map(
        ("apiVersion", Str("storage.k8s.io/v1")),
        ("kind", Str("StorageClass")),
        ("metadata", Map(("name", Str(storageClass.Name)), ("labels", KubernetesLabels.Common(ns)))),
        ("provisioner", Str(storageClass.Provisioner)),
        ("parameters", new YamlMappingNode(storageClass.Parameters.Select(p => new KeyValuePair<YamlNode, YamlNode>(Str(p.Name), Str(p.Value))))),
        ("reclaimPolicy", Str(storageClass.ReclaimPolicy)),
        ("volumeBindingMode", Str(storageClass.VolumeBindingMode)),
        ("allowVolumeExpansion", Bool(true)));

    /// <summary>Headless, and publishing not-ready pods: peers of a bootstrapping replicaset must resolve each other
    /// before any of them is ready, or bootstrap waits forever.</summary>
    private static YamlMappingNode HeadlessService(string ns, WorkloadPlan workload)
    {
        var ports = new List<YamlNode> { Port("iproto", PlatformNaming.ContainerIprotoPort) };
        if (workload.Role != "stateboard") ports.Add(Port("metrics", PlatformNaming.ContainerMetricsPort));
        return Map(
            ("apiVersion", Str("v1")),
            ("kind", Str("Service")),
            ("metadata", Map(("name", Str(workload.Replicaset)), ("namespace", Str(ns)), ("labels", KubernetesLabels.ForWorkload(ns, workload)))),
            ("spec", Map(
                ("clusterIP", Str("None")),
                ("publishNotReadyAddresses", Bool(true)),
                ("selector", KubernetesLabels.Selector(ns, workload.Replicaset)),
                ("ports", Seq(ports)))));
    }

    private static YamlMappingNode DisruptionBudget(string ns, WorkloadPlan workload) => Map(
        ("apiVersion", Str("policy/v1")),
        ("kind", Str("PodDisruptionBudget")),
        ("metadata", Map(("name", Str(workload.Replicaset)), ("namespace", Str(ns)), ("labels", KubernetesLabels.ForWorkload(ns, workload)))),
        ("spec", Map(
            ("maxUnavailable", Int(workload.MaxUnavailable)),
            ("selector", Map(("matchLabels", KubernetesLabels.Selector(ns, workload.Replicaset)))))));

    private static YamlMappingNode ClientService(OrchestrationPlan plan, ClientServicePlan service)
    {
        var ns = plan.Namespace;
        var selector = Map(("app.kubernetes.io/name", Str("tarantool")), ("app.kubernetes.io/instance", Str(ns)));
        var roles = plan.Workloads.Where(w => service.Replicasets.Contains(w.Replicaset)).Select(w => w.Role).Distinct().ToList();
        if (service.PinnedPod.Length > 0) selector.Add(KubernetesLabels.PodName, Str(service.PinnedPod));
        else if (service.Replicasets.Count == 1) selector.Add(KubernetesLabels.Replicaset, Str(service.Replicasets[0]));
        else if (roles.Count == 1) selector.Add(KubernetesLabels.Role, Str(roles[0]));
        return Map(
            ("apiVersion", Str("v1")),
            ("kind", Str("Service")),
            ("metadata", Map(("name", Str(service.Name)), ("namespace", Str(ns)), ("labels", KubernetesLabels.Common(ns)),
                ("annotations", Map((WritePathAnnotation, Str(WritePath(service))))))),
            ("spec", Map(
                ("type", Str("ClusterIP")),
                ("selector", selector),
                ("ports", Seq(Map(("name", Str("iproto")), ("port", Int(service.Port)), ("targetPort", Str("iproto")), ("protocol", Str("TCP"))))))));
    }

    private static YamlMappingNode Port(string name, int port) =>
        Map(("name", Str(name)), ("port", Int(port)), ("targetPort", Str(name)), ("protocol", Str("TCP")));
}
