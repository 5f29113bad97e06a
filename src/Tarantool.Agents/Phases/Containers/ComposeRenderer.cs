using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.Topology;
using YamlDotNet.RepresentationModel;
using static Tarantool.Agents.Phases.Containers.YamlText;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>containers/docker-compose.yml</c> (a service per instance, a named volume per instance), the
/// compose variant of config.yaml, and <c>containers/.env.example</c> listing the secret variables to fill.
/// </summary>
public static class ComposeRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        var topology = context.Get<ClusterTopology>();
        yield return new BundleFile("containers/docker-compose.yml", "docker-compose", Compose(plan, context, topology));
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml && context.FindFile("tarantool/config.yaml") is { } config)
        {
            var targets = plan.Endpoints.Select(e => new ConfigRewriteTarget(e.Instance, e.ComposeService, PlatformNaming.ContainerIprotoPort, PlatformNaming.ContainerMetricsPort)).ToList();
            yield return new BundleFile("containers/config.yaml", "tarantool-config",
                ContainerConfigRewriter.Rewrite(config, topology, targets, "Docker Compose (service names are host names)"));
        }
        yield return new BundleFile("containers/.env.example", "env-example", EnvExample(plan));
    }

    private static string Compose(OrchestrationPlan plan, PhaseContext context, ClusterTopology topology)
    {
        var services = new YamlMappingNode();
        var volumes = new YamlMappingNode();
        var secretFiles = plan.Secrets.Where(s => s.FilePath.Length > 0).ToList();
        foreach (var workload in plan.Workloads)
        foreach (var endpoint in plan.Endpoints.Where(e => e.Replicaset == workload.Replicaset))
        {
            var volume = $"{endpoint.ComposeService}-data";
            volumes.Add(volume, Map());
            services.Add(endpoint.ComposeService, Service(plan, workload, endpoint, topology, volume, secretFiles));
        }

        var root = Map(("name", Str(PlatformNaming.Namespace(context.Request.ClusterName))), ("services", services), ("volumes", volumes));
        if (secretFiles.Count > 0)
            root.Add("secrets", new YamlMappingNode(secretFiles.Select(s =>
                new KeyValuePair<YamlNode, YamlNode>(Str(s.SecretKey), Map(("file", Str($"./secrets/{s.SecretKey}")))))));
        return Emit(root,
            $"Local topology of {context.Request.ClusterName}: one service per Tarantool instance.",
            "Start: cp containers/.env.example containers/.env, fill in the values, then",
            "  docker compose -f containers/docker-compose.yml up -d --build",
            "Ports are published on 127.0.0.1 only; production sizing lives in the Kubernetes/systemd files.");
    }

    private static YamlMappingNode Service(OrchestrationPlan plan, WorkloadPlan workload, InstanceEndpoint endpoint, ClusterTopology topology, string volume, IReadOnlyList<SecretReference> secretFiles)
    {
        var environment = new YamlMappingNode();
        foreach (var entry in InstanceEnvironment.ForCompose(plan, workload, endpoint, topology))
            environment.Add(entry.Name, Str(entry.Secret is null ? entry.Value : $"${{{entry.Name}:?set {entry.Name} in containers/.env}}"));

        var mounts = new List<YamlNode> { Str($"{volume}:{plan.Image.DataDirectory}") };
        if (plan.ConfigDelivery == ConfigDelivery.ConfigYaml)
            // The image's TT_CONFIG: the same path as the Kubernetes ConfigMap's directory mount.
            mounts.Add(Str($"./config.yaml:{InstanceLayout.ContainerConfigFile}:ro"));

        var iproto = PlatformNaming.ContainerIprotoPort.ToString(CultureInfo.InvariantCulture);
        var metrics = PlatformNaming.ContainerMetricsPort.ToString(CultureInfo.InvariantCulture);
        var ports = new List<YamlNode> { Str($"127.0.0.1:{endpoint.ComposeIprotoHostPort.ToString(CultureInfo.InvariantCulture)}:{iproto}") };
        if (workload.Role != "stateboard")
            ports.Add(Str($"127.0.0.1:{endpoint.ComposeMetricsHostPort.ToString(CultureInfo.InvariantCulture)}:{metrics}"));

        var service = Map(
            ("image", Str(plan.Image.ImageName)),
            ("build", Map(("context", Str("..")), ("dockerfile", Str("containers/Dockerfile")))),
            ("hostname", Str(endpoint.ComposeService)),
            ("environment", environment),
            ("volumes", Seq(mounts)),
            ("ports", Seq(ports)),
            ("healthcheck", Healthcheck(plan)),
            ("restart", Str("unless-stopped")),
            ("stop_grace_period", Str($"{plan.Probes.TerminationGraceSeconds.ToString(CultureInfo.InvariantCulture)}s")),
            ("ulimits", Map(("nofile", Map(("soft", Int(65536)), ("hard", Int(65536)))))));
        if (secretFiles.Count > 0)
            service.Add("secrets", Seq(secretFiles.Select(s => (YamlNode)Map(("source", Str(s.SecretKey)), ("target", Str(s.FilePath))))));
        return service;
    }

    /// <summary>The image's health check (<see cref="HealthCheckScript"/>): the instance's own state through its
    /// console; the start period is the recovery-time budget, as for the startup probe.</summary>
    private static YamlMappingNode Healthcheck(OrchestrationPlan plan)
    {
        var probes = plan.Probes;
        var startPeriod = probes.StartupPeriodSeconds * probes.StartupFailureThreshold;
        return Map(
            ("test", Seq(new[] { Str("CMD") }.Concat(HealthCheckScript.Command().Select(a => Str(a))))),
            ("interval", Str($"{probes.ReadinessPeriodSeconds.ToString(CultureInfo.InvariantCulture)}s")),
            ("timeout", Str("5s")),
            ("retries", Int(probes.ReadinessFailureThreshold)),
            ("start_period", Str($"{startPeriod.ToString(CultureInfo.InvariantCulture)}s")));
    }

    private static string EnvExample(OrchestrationPlan plan)
    {
        var text = new StringBuilder();
        text.Append("# Copy to containers/.env and set every value; containers/.env must never be committed.\n");
        text.Append("# Generate values with a password manager or: openssl rand -base64 24\n");
        foreach (var secret in plan.Secrets.Where(s => s.EnvVar.Length > 0).DistinctBy(s => s.EnvVar))
            text.Append($"{secret.EnvVar}=\n");
        foreach (var secret in plan.Secrets.Where(s => s.FilePath.Length > 0))
            text.Append($"# {secret.ContextName}: put the value into containers/secrets/{secret.SecretKey} (mounted at {secret.FilePath}).\n");
        return text.ToString();
    }
}
