using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Configuration;
using Tarantool.Agents.Phases.Containers;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Containers;

/// <summary>
/// Phase 6 expert (kubernetes-architect): packages the cluster as an image on the official Tarantool image, a
/// Compose topology for local work, and StatefulSets (Kubernetes clouds) or systemd units (on-premises) sized
/// from the capacity plan.
/// </summary>
public sealed class OrchestrationExpert : PhaseExpert<OrchestrationPlan>
{
    public const int RunAsUser = 1000;

    public override OrchestrationPlan Design(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Get<ClusterTopology>();
        var capacity = context.Get<CapacityPlan>();
        var kubernetes = PlatformNaming.IsKubernetes(request);
        var ns = PlatformNaming.Namespace(request.ClusterName);
        var version = TarantoolVersion.Parse(request.TarantoolVersion);
        var delivery = ConfigDelivery.For(request);
        var appDirectory = InstanceLayout.AppDirectory(request.ClusterName);
        var config = context.FindFile("tarantool/config.yaml");
        var hasRockspec = context.InputFilePaths.Any(p => p.StartsWith("tarantool/", StringComparison.Ordinal) && p.EndsWith(".rockspec", StringComparison.Ordinal));

        var image = new ContainerImagePlan
        {
            BaseImage = $"tarantool/tarantool:{version}",
            ImageName = $"{ns}-tarantool:{version}",
            AppDirectory = appDirectory,
            DataDirectory = ContainerConfigRewriter.DataRoot,
            RunAsUser = RunAsUser,
            Rocks = delivery switch
            {
                // roles.metrics-export serves /metrics and brings the http.server rock it needs.
                ConfigDelivery.ConfigYaml => hasRockspec ? [] : ["metrics-export-role"],
                ConfigDelivery.Cartridge => hasRockspec ? [] : ["cartridge", "metrics"],
                // The 2.x official images already carry metrics and http.
                _ => [],
            },
        };

        var endpoints = new List<InstanceEndpoint>();
        var index = 0;
        foreach (var (replicaset, node, ordinal) in TopologyPlacement.Instances(topology))
        {
            var pod = PlatformNaming.PodName(replicaset.Name, ordinal);
            endpoints.Add(new InstanceEndpoint
            {
                Instance = node.Name,
                Replicaset = replicaset.Name,
                PodName = pod,
                Host = kubernetes ? PlatformNaming.PodHost(pod, replicaset.Name, ns) : node.Host,
                IprotoPort = kubernetes ? PlatformNaming.ContainerIprotoPort : node.Port,
                MetricsPort = kubernetes ? PlatformNaming.ContainerMetricsPort : node.MetricsPort,
                ComposeService = node.Name,
                ComposeIprotoHostPort = PlatformNaming.ContainerIprotoPort + index,
                ComposeMetricsHostPort = PlatformNaming.ContainerMetricsPort + index,
            });
            index++;
        }

        var plan = new OrchestrationPlan
        {
            Platform = PlatformNaming.PlatformOf(request),
            Namespace = kubernetes ? ns : "",
            Image = image,
            ConfigDelivery = delivery,
            StorageClass = kubernetes ? StorageClassCatalog.For(request, capacity) : null,
            Workloads = [.. topology.Replicasets.Select(r => WorkloadSizer.Size(r, topology, capacity, request))],
            Endpoints = endpoints,
            ClientServices = ClientServices(topology, ns),
            Probes = RecoveryEstimator.Plan(capacity),
            Secrets = SecretResolver.Resolve(request, topology, config, appDirectory, context.Find<ClusterConfiguration>()?.Tls),
            Decisions = [],
        };
        return plan with { Decisions = [.. OrchestrationDecisions.For(plan, context).Select(d => d.En)] };
    }

    public override string Narrate(OrchestrationPlan output, PhaseContext context) => OrchestrationNarrator.Write(output, context);

    private static IReadOnlyList<ClientServicePlan> ClientServices(ClusterTopology topology, string ns)
    {
        var port = PlatformNaming.ContainerIprotoPort;
        var routers = topology.Replicasets.Where(r => PlatformNaming.RoleOf(r.Roles) == "router").Select(r => r.Name).ToList();
        if (routers.Count > 0)
            return [new ClientServicePlan
            {
                Name = $"{ns}-router", Replicasets = routers, PinnedPod = "", Port = port,
                Reason = "Applications talk to vshard routers only; the Service balances connections over every router, and any router reaches every bucket.",
            }];

        var data = topology.Replicasets.Where(r => PlatformNaming.RoleOf(r.Roles) is "db" or "storage").ToList();
        // One Service over every member; writes find the leader on the client side (box.info.ro), which stays true
        // through failovers and switchovers, unlike a Service pinned to the pod that led at design time.
        return [new ClientServicePlan
        {
            Name = $"{ns}-db", Replicasets = [.. data.Select(r => r.Name)], PinnedPod = "", Port = port,
            Reason = topology.FailoverMode == "off"
                ? "Every master accepts writes (failover off), so any member may serve a connection."
                : ClientServicePlan.LeaderDiscoveryReason,
        }];
    }
}
