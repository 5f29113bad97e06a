using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Tarantool.Agents.Tests.Conformance;

/// <summary>
/// What a bundle's platform artifacts must hold in production, checked on the files alone so the same rules run over
/// sample bundles, the per-cloud deployment-form bundles and every designed request of the matrix: the restricted Pod
/// Security level on every pod template, the backup Jobs' own service account and image, the NetworkPolicy, the write
/// path, one budget and spread rule for all routers, probes and waits from one recovery budget, the image build and
/// the hardened notify units. Each rule returns what it found wrong, so a failure names the file and the rule.
/// </summary>
internal static partial class PlatformChecks
{
    /// <summary>The volume types the restricted Pod Security level admits.</summary>
    private static readonly string[] RestrictedVolumeTypes =
        ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    private const int TarantoolUid = 1000;

    /// <summary>Every problem of the bundle's platform files (bundle-relative path → content).</summary>
    public static List<string> Problems(IReadOnlyDictionary<string, string> files, string cloud)
    {
        var problems = new List<string>();
        problems.AddRange(Image(files));
        problems.AddRange(StartBudget(files));
        if (files.ContainsKey("kubernetes/namespace.yaml"))
        {
            problems.AddRange(PodSecurity(files));
            problems.AddRange(ServiceAccounts(files, cloud));
            problems.AddRange(NetworkPolicies(files));
            problems.AddRange(WritePath(files));
            problems.AddRange(Routers(files));
            problems.AddRange(Probes(files));
        }
        else
        {
            problems.AddRange(Units(files));
        }
        return problems;
    }

    /// <summary>Reads a bundle folder's files (text only, the folders the checks read).</summary>
    public static Dictionary<string, string> Read(string root)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "kubernetes", "deploy", "containers", "systemd", "outputs" })
        {
            var dir = Path.Combine(root, folder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                files[Path.GetRelativePath(root, file).Replace('\\', '/')] = File.ReadAllText(file);
        }
        return files;
    }

    public static IEnumerable<(string File, YamlMappingNode Doc)> Documents(IReadOnlyDictionary<string, string> files, params string[] folders)
    {
        foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (!path.EndsWith(".yaml", StringComparison.Ordinal) || !folders.Any(f => path.StartsWith(f + "/", StringComparison.Ordinal))) continue;
            var stream = new YamlStream();
            stream.Load(new StringReader(content));
            foreach (var document in stream.Documents)
                if (document.RootNode is YamlMappingNode map) yield return (path, map);
        }
    }

    public static string? Kind(YamlMappingNode doc) => S(doc, "kind");

    public static string? S(YamlNode? node, params string[] path) => At(node, path) is YamlScalarNode scalar ? scalar.Value : null;

    public static YamlNode? At(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }
        return node;
    }

    public static IEnumerable<YamlMappingNode> Items(YamlNode? node) =>
        node is YamlSequenceNode seq ? seq.Children.OfType<YamlMappingNode>() : [];

    /// <summary>Every pod template of the Kubernetes objects: StatefulSets, Jobs, CronJobs, bare pods.</summary>
    public static IEnumerable<(string Where, YamlMappingNode Pod)> PodTemplates(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (file, doc) in Documents(files, "kubernetes", "deploy/kubernetes"))
        {
            var where = $"{file}: {Kind(doc)} {S(doc, "metadata", "name")}";
            var pod = Kind(doc) switch
            {
                "StatefulSet" or "Deployment" or "DaemonSet" or "Job" or "ReplicaSet" => At(doc, "spec", "template", "spec"),
                "CronJob" => At(doc, "spec", "jobTemplate", "spec", "template", "spec"),
                "Pod" => At(doc, "spec"),
                _ => null,
            };
            if (pod is YamlMappingNode map) yield return (where, map);
        }
        // backup-run.sh carries the Job it applies, with placeholders the script fills in.
        if (files.TryGetValue("deploy/scripts/backup-run.sh", out var script))
        {
            var start = script.IndexOf("<<'YAML'", StringComparison.Ordinal);
            var body = script[(script.IndexOf('\n', start) + 1)..script.IndexOf("\nYAML\n", start, StringComparison.Ordinal)];
            var stream = new YamlStream();
            stream.Load(new StringReader(body));
            if (At(stream.Documents[0].RootNode, "spec", "template", "spec") is YamlMappingNode pod) yield return ("deploy/scripts/backup-run.sh: Job", pod);
        }
    }

    /// <summary>
    /// The restricted Pod Security Standard (https://kubernetes.io/docs/concepts/security/pod-security-standards/),
    /// rule by rule, on every pod template; the namespace enforces it.
    /// </summary>
    public static IEnumerable<string> PodSecurity(IReadOnlyDictionary<string, string> files)
    {
        var ns = Documents(files, "kubernetes").FirstOrDefault(d => Kind(d.Doc) == "Namespace").Doc;
        if (S(ns, "metadata", "labels", "pod-security.kubernetes.io/enforce") != "restricted")
            yield return "kubernetes/namespace.yaml: the namespace does not enforce pod-security.kubernetes.io/enforce: restricted";
        var templates = PodTemplates(files).ToList();
        if (templates.Count == 0) yield return "no pod template found";
        foreach (var (where, pod) in templates)
        {
            foreach (var key in new[] { "hostNetwork", "hostPID", "hostIPC" })
                if (S(pod, key) == "true") yield return $"{where}: {key}";
            foreach (var volume in Items(At(pod, "volumes")))
            {
                var type = volume.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).FirstOrDefault(k => k != "name");
                if (type is null || !RestrictedVolumeTypes.Contains(type)) yield return $"{where}: volume {S(volume, "name")} of type {type} (restricted allows {string.Join(", ", RestrictedVolumeTypes)})";
            }
            var containers = Items(At(pod, "containers")).Concat(Items(At(pod, "initContainers"))).ToList();
            if (containers.Count == 0) yield return $"{where}: no containers";
            foreach (var container in containers)
            {
                var name = $"{where} container {S(container, "name")}";
                if (S(container, "securityContext", "allowPrivilegeEscalation") != "false") yield return $"{name}: allowPrivilegeEscalation is not false";
                if (S(container, "securityContext", "privileged") == "true") yield return $"{name}: privileged";
                var drop = (At(container, "securityContext", "capabilities", "drop") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(c => c.Value).ToList() ?? [];
                if (!drop.Contains("ALL")) yield return $"{name}: capabilities.drop lacks ALL";
                var add = (At(container, "securityContext", "capabilities", "add") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(c => c.Value).ToList() ?? [];
                if (add.Any(c => c != "NET_BIND_SERVICE")) yield return $"{name}: adds capabilities {string.Join(",", add)}";
                if (S(pod, "securityContext", "runAsNonRoot") != "true" && S(container, "securityContext", "runAsNonRoot") != "true") yield return $"{name}: runAsNonRoot is not true";
                if ((S(container, "securityContext", "runAsUser") ?? S(pod, "securityContext", "runAsUser")) == "0") yield return $"{name}: runs as uid 0";
                var seccomp = S(container, "securityContext", "seccompProfile", "type") ?? S(pod, "securityContext", "seccompProfile", "type");
                if (seccomp is not ("RuntimeDefault" or "Localhost")) yield return $"{name}: seccompProfile is {seccomp ?? "unset"}";
                foreach (var port in Items(At(container, "ports")))
                    if (S(port, "hostPort") is { } hostPort && hostPort != "0") yield return $"{name}: hostPort {hostPort}";
            }
            // The data volumes belong to the image's tarantool user (containers/Dockerfile checks its uid).
            if (S(pod, "securityContext", "runAsUser") != TarantoolUid.ToString(System.Globalization.CultureInfo.InvariantCulture)
                || S(pod, "securityContext", "fsGroup") != TarantoolUid.ToString(System.Globalization.CultureInfo.InvariantCulture))
                yield return $"{where}: runAsUser/fsGroup are not the tarantool user's {TarantoolUid}";
        }
    }

    /// <summary>Database pods carry no API token; backup Jobs run under their own service account bound to the
    /// cloud identity, from their own image; the database image has no storage client.</summary>
    public static IEnumerable<string> ServiceAccounts(IReadOnlyDictionary<string, string> files, string cloud)
    {
        foreach (var (where, pod) in PodTemplates(files).Where(p => p.Where.Contains("StatefulSet", StringComparison.Ordinal)))
            if (S(pod, "automountServiceAccountToken") != "false") yield return $"{where}: automountServiceAccountToken is not false";

        if (!files.TryGetValue("deploy/kubernetes/backup-cronjob.yaml", out _)) { yield return "no deploy/kubernetes/backup-cronjob.yaml"; yield break; }
        var docs = Documents(files, "deploy/kubernetes").ToList();
        var account = docs.FirstOrDefault(d => Kind(d.Doc) == "ServiceAccount").Doc;
        if (account is null) { yield return "backup-cronjob.yaml: no ServiceAccount"; yield break; }
        var accountName = S(account, "metadata", "name");
        var (annotation, podLabel) = cloud switch
        {
            "aws" => ("eks.amazonaws.com/role-arn", null),
            "gcp" => ("iam.gke.io/gcp-service-account", null),
            "azure" => ("azure.workload.identity/client-id", "azure.workload.identity/use"),
            _ => ((string?)null, (string?)null),
        };
        if (annotation is not null && S(account, "metadata", "annotations", annotation) is not { Length: > 0 })
            yield return $"backup ServiceAccount {accountName}: no {annotation} annotation for {cloud}";
        if (docs.Any(d => Kind(d.Doc) is "Role" or "ClusterRole" && d.Doc.ToString().Contains("pods/exec", StringComparison.Ordinal)))
            yield return "backup-cronjob.yaml grants pods/exec: backups must not need the Kubernetes API";

        var statefulSetImages = PodTemplates(files).Where(p => p.Where.Contains("StatefulSet", StringComparison.Ordinal))
            .SelectMany(p => Items(At(p.Pod, "containers"))).Select(c => S(c, "image")).ToHashSet();
        var cronJobs = docs.Where(d => Kind(d.Doc) == "CronJob").ToList();
        if (cronJobs.Count == 0) yield return "backup-cronjob.yaml: no CronJob";
        foreach (var (_, job) in cronJobs)
        {
            var pod = At(job, "spec", "jobTemplate", "spec", "template");
            var name = S(job, "metadata", "name");
            if (S(pod, "spec", "serviceAccountName") != accountName) yield return $"CronJob {name}: does not run as {accountName}";
            if (podLabel is not null && S(pod, "metadata", "labels", podLabel) != "true") yield return $"CronJob {name}: no {podLabel}: \"true\" pod label";
            foreach (var container in Items(At(pod, "spec", "containers")))
                if (statefulSetImages.Contains(S(container, "image"))) yield return $"CronJob {name}: runs the database image";
        }

        var database = files.GetValueOrDefault("containers/Dockerfile", "");
        foreach (var client in new[] { "awscli", "google-cloud-cli", "InstallAzureCLIDeb" })
            if (database.Contains(client, StringComparison.Ordinal)) yield return $"containers/Dockerfile installs a storage client ({client})";
        if (!files.TryGetValue("deploy/kubernetes/backup.Dockerfile", out var backupImage)) yield return "no deploy/kubernetes/backup.Dockerfile";
        else if (cloud is "aws" or "gcp" or "azure" && !new[] { "awscli", "google-cloud-cli", "InstallAzureCLIDeb" }.Any(c => backupImage.Contains(c, StringComparison.Ordinal)))
            yield return "deploy/kubernetes/backup.Dockerfile installs no storage client";
    }

    /// <summary>Every cluster pod is under an ingress policy; iproto only from the cluster's pods or labelled
    /// clients, metrics only from the monitoring namespace.</summary>
    public static IEnumerable<string> NetworkPolicies(IReadOnlyDictionary<string, string> files)
    {
        var policies = Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "NetworkPolicy").Select(d => d.Doc).ToList();
        if (policies.Count == 0) { yield return "kubernetes/: no NetworkPolicy"; yield break; }
        var ports = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            var name = S(policy, "metadata", "name");
            if (!(At(policy, "spec", "policyTypes") as YamlSequenceNode)!.Children.OfType<YamlScalarNode>().Any(t => t.Value == "Ingress"))
                yield return $"NetworkPolicy {name}: not an Ingress policy";
            foreach (var rule in Items(At(policy, "spec", "ingress")))
            {
                var from = Items(At(rule, "from")).ToList();
                if (from.Count == 0) yield return $"NetworkPolicy {name}: a rule open to every source";
                foreach (var port in Items(At(rule, "ports")).Select(p => S(p, "port")!))
                {
                    ports.Add(port);
                    if (port == "metrics" && !from.All(f => S(f, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name") == "monitoring" && At(f, "podSelector") is null))
                        yield return $"NetworkPolicy {name}: metrics open beyond the monitoring namespace";
                    if (port == "iproto" && from.Any(f => At(f, "ipBlock") is not null || (At(f, "podSelector") is null)))
                        yield return $"NetworkPolicy {name}: iproto open to a whole namespace or address block";
                }
            }
            if (S(policy, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name") != "tarantool") yield return $"NetworkPolicy {name}: does not select the cluster's pods";
        }
        if (!ports.Contains("iproto")) yield return "no NetworkPolicy rule for iproto";
        var statefulSets = Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "StatefulSet");
        var hasMetrics = statefulSets.Any(d => Items(At(d.Doc, "spec", "template", "spec", "containers")).Any(c => Items(At(c, "ports")).Any(p => S(p, "name") == "metrics")));
        if (hasMetrics && !ports.Contains("metrics")) yield return "no NetworkPolicy rule for the metrics port";
    }

    /// <summary>Writes reach the leader: through the routers (sharded) or by leader discovery, said on the Service;
    /// never a Service pinned to a pod (nothing moves it when the leader changes).</summary>
    public static IEnumerable<string> WritePath(IReadOnlyDictionary<string, string> files)
    {
        var sharded = Documents(files, "kubernetes").Any(d => Kind(d.Doc) == "StatefulSet" && S(d.Doc, "spec", "template", "metadata", "labels", "tarantool.io/role") == "router");
        var services = Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "Service" && S(d.Doc, "spec", "clusterIP") != "None").Select(d => d.Doc).ToList();
        if (services.Count == 0) yield return "no client Service";
        foreach (var service in services)
        {
            var name = S(service, "metadata", "name")!;
            if (At(service, "spec", "selector", "statefulset.kubernetes.io/pod-name") is not null) yield return $"Service {name}: pinned to one pod";
            var writes = S(service, "metadata", "annotations", "tarantool.io/writes") ?? "";
            if (sharded ? !name.EndsWith("-router", StringComparison.Ordinal) : !(writes.Contains("box.info.ro", StringComparison.Ordinal) || writes.Contains("failover off", StringComparison.Ordinal)))
                yield return $"Service {name}: writes path not stated ({writes})";
        }
    }

    /// <summary>All routers share one disruption budget and one spread and anti-affinity rule.</summary>
    public static IEnumerable<string> Routers(IReadOnlyDictionary<string, string> files)
    {
        var docs = Documents(files, "kubernetes").ToList();
        var routers = docs.Where(d => Kind(d.Doc) == "StatefulSet" && S(d.Doc, "spec", "template", "metadata", "labels", "tarantool.io/role") == "router").ToList();
        if (routers.Count == 0) yield break;
        var budgets = docs.Where(d => Kind(d.Doc) == "PodDisruptionBudget").Select(d => d.Doc).ToList();
        var routerBudgets = budgets.Where(b => S(b, "spec", "selector", "matchLabels", "tarantool.io/role") == "router").ToList();
        if (routerBudgets.Count != 1) yield return $"{routerBudgets.Count} disruption budgets select the role router; one must";
        else if (S(routerBudgets[0], "spec", "maxUnavailable") != "1") yield return "the routers' budget allows more than one at a time";
        var routerSets = routers.Select(r => S(r.Doc, "metadata", "name")).ToHashSet();
        foreach (var budget in budgets.Where(b => routerSets.Contains(S(b, "spec", "selector", "matchLabels", "tarantool.io/replicaset"))))
            yield return $"PodDisruptionBudget {S(budget, "metadata", "name")}: a budget of one router alone";
        foreach (var (file, doc) in routers)
        {
            var pod = At(doc, "spec", "template", "spec");
            foreach (var constraint in Items(At(pod, "topologySpreadConstraints")))
                if (S(constraint, "labelSelector", "matchLabels", "tarantool.io/role") != "router" || S(constraint, "labelSelector", "matchLabels", "tarantool.io/replicaset") is not null)
                    yield return $"{file}: a spread rule that does not count all routers";
            var terms = Items(At(pod, "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"))
                .Concat(Items(At(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution")).Select(t => (YamlMappingNode)At(t, "podAffinityTerm")!)).ToList();
            if (terms.Count == 0 || terms.Any(t => S(t, "labelSelector", "matchLabels", "tarantool.io/role") != "router"))
                yield return $"{file}: anti-affinity does not count all routers";
        }
    }

    /// <summary>Readiness from the instance's own state through its console on every form (3.x pins it in the config;
    /// a 2.11 init.lua and Cartridge open it where the environment says, the path the probe and backups use), a
    /// startup budget, a lenient liveness.</summary>
    public static IEnumerable<string> Probes(IReadOnlyDictionary<string, string> files)
    {
        var declarative = files.ContainsKey("kubernetes/configmap.yaml");
        const string socket = "/var/lib/tarantool/$(TT_INSTANCE_NAME)/tarantool.control";
        foreach (var (file, doc) in Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "StatefulSet"))
        {
            var container = Items(At(doc, "spec", "template", "spec", "containers")).First();
            var command = (At(container, "readinessProbe", "exec", "command") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(c => c.Value).ToList();
            if (command is null || command.Count != 2 || command[0] != "/usr/local/bin/tarantool-health" || command[1] != "ready")
                yield return $"{file}: readiness is not the instance's own state (tarantool-health ready)";
            var env = Items(At(container, "env")).ToDictionary(e => S(e, "name") ?? "", e => S(e, "value") ?? "");
            if (!declarative && env.GetValueOrDefault("TT_CONSOLE_SOCKET") != socket && env.GetValueOrDefault("TARANTOOL_CONSOLE_SOCK") != socket)
                yield return $"{file}: the instance opens no console at {socket}, where the probe and the backup Job look";
            if (int.Parse(S(container, "livenessProbe", "periodSeconds") ?? "0") * int.Parse(S(container, "livenessProbe", "failureThreshold") ?? "0") < 30)
                yield return $"{file}: liveness tolerates less than 30 s";
        }
    }

    [GeneratedRegex(@"--start-period=(\d+)s")]
    private static partial Regex DockerStartPeriod();

    [GeneratedRegex(@"start_period: (\d+)s")]
    private static partial Regex ComposeStartPeriod();

    [GeneratedRegex(@"TimeoutStartSec=(\d+)")]
    private static partial Regex UnitStartTimeout();

    [GeneratedRegex(@"START_TIMEOUT=""\$\{START_TIMEOUT:-(\d+)\}""")]
    private static partial Regex ScriptStartTimeout();

    [GeneratedRegex(@"""estimatedRecoverySeconds"":\s*(\d+)")]
    private static partial Regex RecoveryEstimate();

    /// <summary>One recovery budget: the startup probe, the image's and Compose's start periods, systemd's
    /// TimeoutStartSec and the deploy scripts' START_TIMEOUT are the same figure, and it covers the estimate.</summary>
    public static IEnumerable<string> StartBudget(IReadOnlyDictionary<string, string> files)
    {
        var budgets = new List<(string Where, int Seconds)>();
        void Add(string where, Regex regex, string text)
        {
            foreach (Match match in regex.Matches(text)) budgets.Add((where, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
        foreach (var (path, content) in files)
        {
            if (path == "containers/Dockerfile") Add(path, DockerStartPeriod(), content);
            else if (path == "containers/docker-compose.yml") Add(path, ComposeStartPeriod(), content);
            else if (path.StartsWith("systemd/", StringComparison.Ordinal) && path.EndsWith("@.service", StringComparison.Ordinal)) Add(path, UnitStartTimeout(), content);
            else if (path.StartsWith("deploy/scripts/", StringComparison.Ordinal)) Add(path, ScriptStartTimeout(), content);
        }
        foreach (var (file, doc) in Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "StatefulSet"))
        {
            var container = Items(At(doc, "spec", "template", "spec", "containers")).First();
            budgets.Add((file, int.Parse(S(container, "startupProbe", "periodSeconds")!) * int.Parse(S(container, "startupProbe", "failureThreshold")!)));
        }
        if (!budgets.Any(b => b.Where == "containers/Dockerfile")) yield return "containers/Dockerfile has no HEALTHCHECK start period";
        if (!budgets.Any(b => b.Where.StartsWith("deploy/scripts/", StringComparison.Ordinal))) yield return "no deploy script states START_TIMEOUT";
        if (budgets.Select(b => b.Seconds).Distinct().Count() > 1)
            yield return "start budgets differ: " + string.Join(", ", budgets.Select(b => $"{b.Where}={b.Seconds}"));
        var orchestration = files.Where(f => f.Key.StartsWith("outputs/06-", StringComparison.Ordinal)).Select(f => f.Value).FirstOrDefault();
        if (orchestration is not null && RecoveryEstimate().Match(orchestration) is { Success: true } estimate
            && budgets.Any(b => b.Seconds < int.Parse(estimate.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            yield return $"a start budget below the recovery estimate of {estimate.Groups[1].Value} s";
    }

    /// <summary>The image: a builder stage with the rocks' toolchain, a runtime stage without it, a HEALTHCHECK with
    /// the health script, the config at the path pods mount it, the kustomization's images: override.</summary>
    public static IEnumerable<string> Image(IReadOnlyDictionary<string, string> files)
    {
        var dockerfile = files.GetValueOrDefault("containers/Dockerfile", "");
        var stages = dockerfile.Split("\nFROM ", StringSplitOptions.None);
        if (stages.Length != 3 || !stages[1].Split('\n')[0].EndsWith(" AS builder", StringComparison.Ordinal)) { yield return "containers/Dockerfile: not a builder stage then a runtime stage"; yield break; }
        foreach (var tool in new[] { "cmake", "make", "g++", "git", "unzip" })
            if (!Regex.IsMatch(stages[1], $@"apt-get install[^\n]*\s{Regex.Escape(tool)}(\s|$)")) yield return $"containers/Dockerfile: the builder does not install {tool}";
        if (stages[2].Contains("apt-get install", StringComparison.Ordinal)) yield return "containers/Dockerfile: the runtime stage installs packages";
        if (!stages[2].Contains("COPY --from=builder", StringComparison.Ordinal)) yield return "containers/Dockerfile: the runtime stage does not take the built application";
        if (!Regex.IsMatch(stages[2], @"HEALTHCHECK [^\n]*\\\n\s+CMD \[""/usr/local/bin/tarantool-health"", ""ready""\]")) yield return "containers/Dockerfile: no HEALTHCHECK with tarantool-health";
        if (!stages[2].Contains($"test \"$(id -u tarantool):$(id -g tarantool)\" = \"{TarantoolUid}:{TarantoolUid}\"", StringComparison.Ordinal))
            yield return "containers/Dockerfile: the tarantool user's uid is not checked against the pods' runAsUser";
        if (!files.ContainsKey("containers/healthcheck.lua")) yield return "containers/healthcheck.lua is missing";

        if (files.TryGetValue("kubernetes/configmap.yaml", out _))
        {
            var ttConfig = Regex.Match(dockerfile, @"TT_CONFIG=(\S+)").Groups[1].Value;
            foreach (var (file, doc) in Documents(files, "kubernetes").Where(d => Kind(d.Doc) == "StatefulSet"))
            {
                var container = Items(At(doc, "spec", "template", "spec", "containers")).First();
                var mount = Items(At(container, "volumeMounts")).FirstOrDefault(m => S(m, "name") == "config");
                if (mount is null || At(mount, "subPath") is not null || $"{S(mount, "mountPath")}/config.yaml" != ttConfig)
                    yield return $"{file}: the config mount does not match the image's TT_CONFIG {ttConfig}";
            }
        }
        if (files.TryGetValue("kubernetes/kustomization.yaml", out var kustomization))
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(kustomization));
            var images = Items(At(stream.Documents[0].RootNode, "images")).Select(i => S(i, "name")).ToHashSet();
            foreach (var (where, pod) in PodTemplates(files).Where(p => p.Where.StartsWith("kubernetes/", StringComparison.Ordinal)))
                foreach (var container in Items(At(pod, "containers")))
                    if (!images.Contains(S(container, "image")!.Split(':')[0])) yield return $"{where}: image {S(container, "image")} has no images: entry in the kustomization";
        }
    }

    /// <summary>systemd units: Type=notify and the hardening.</summary>
    public static IEnumerable<string> Units(IReadOnlyDictionary<string, string> files)
    {
        var units = files.Where(f => f.Key.StartsWith("systemd/", StringComparison.Ordinal) && f.Key.EndsWith("@.service", StringComparison.Ordinal)).ToList();
        if (units.Count == 0) yield return "no systemd instance unit";
        foreach (var (path, unit) in units)
        {
            foreach (var line in new[] { "Type=notify", "ProtectSystem=strict", "ProtectHome=true", "PrivateDevices=true", "NoNewPrivileges=true", "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6" })
                if (!unit.Contains("\n" + line + "\n", StringComparison.Ordinal)) yield return $"{path}: no {line}";
            if (!Regex.IsMatch(unit, @"\nReadWritePaths=/\S+\n")) yield return $"{path}: no ReadWritePaths";
            // tt would be the main process: only the instance itself can notify, so it must be tarantool or NotifyAccess=all.
            var direct = Regex.IsMatch(unit, @"\nExecStart=/usr/bin/tarantool ");
            if (!direct && !unit.Contains("\nNotifyAccess=all\n", StringComparison.Ordinal)) yield return $"{path}: tt starts the instance but NotifyAccess is not all";
        }
    }
}
