using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// States, for the containers-orchestration prompt, what <see cref="OrchestrationPlanValidator"/> demands: the
/// platform and config delivery, the image and the paths every other phase uses, one workload per replicaset and one
/// endpoint per instance of the topology, resources that cover the capacity plan, and the probes' budget.
/// </summary>
internal static class OrchestrationPlanRequirements
{
    public static IReadOnlyList<string> For(PhaseContext context)
    {
        var request = context.Request;
        var topology = context.Find<ClusterTopology>();
        var kubernetes = PlatformNaming.IsKubernetes(request);
        var lines = new List<string>
        {
            $"platform is \"{PlatformNaming.PlatformOf(request)}\" and configDelivery \"{ConfigDelivery.For(request)}\".",
            $"image.baseImage is the official image tarantool/tarantool:{TarantoolVersion.Parse(request.TarantoolVersion)} (or .<patch>); image.appDirectory is {InstanceLayout.AppDirectory(request.ClusterName)}, image.dataDirectory {InstanceLayout.ContainerDataRoot}; runAsUser is a non-root numeric id.",
        };
        if (kubernetes)
        {
            var provisioner = OrchestrationPlanValidator.ProvisionerFor(request.CloudProvider);
            lines.Add($"namespace is a DNS-1123 label (e.g. \"{PlatformNaming.Namespace(request.ClusterName)}\"); storageClass has {(provisioner is null ? "a CSI provisioner" : $"provisioner \"{provisioner}\"")}, reclaimPolicy \"Retain\" and volumeBindingMode \"WaitForFirstConsumer\".");
        }
        else
            lines.Add("storageClass is null (the hosts' own disks).");

        if (topology is not null)
        {
            lines.Add("\"workloads\" has exactly one workload per replicaset, named after it, listing its instances in the topology's order: " +
                string.Join("; ", topology.Replicasets.Select(r => $"{r.Name} [{string.Join(", ", r.Instances.Select(i => i.Name))}] role {PlatformNaming.RoleOf(r.Roles)}")) + ".");
            lines.Add("Each workload's memory, CPU and volume requests cover the capacity plan's RAM, vCPU and disk per instance of its role, limits are not below requests, maxUnavailable is 1, zoneSpread is DoNotSchedule or ScheduleAnyway" +
                (request.Environment == DeploymentEnvironment.Production ? ", and production replicasets require node anti-affinity when the plan has enough hosts" : "") + ".");
            lines.Add(kubernetes
                ? $"\"endpoints\" has one entry per instance: pod <replicaset>-<n> (n from 1), host <pod>.<replicaset>.<namespace>.svc.cluster.local, iproto port {PlatformNaming.ContainerIprotoPort}, metrics port {PlatformNaming.ContainerMetricsPort}, composeService the instance name."
                : "\"endpoints\" has one entry per instance with the topology's host, iproto port and metrics port, composeService the instance name; Compose host ports are unique.");
            if (topology.Users.Any(u => u.PasswordSecret.Length > 0))
                lines.Add($"\"secrets\" delivers each password the topology names ({string.Join(", ", topology.Users.Where(u => u.PasswordSecret.Length > 0).Select(u => u.PasswordSecret))}) by exactly one of envVar or an absolute filePath, with valid Kubernetes secret names.");
        }
        lines.Add("\"clientServices\" gives applications a Service (the routers on a sharded cluster, else the data replicaset); names are DNS-1123 labels and select replicasets of the topology.");
        lines.Add("The startup probe allows at least the capacity plan's recovery estimate (and at least 60 s); liveness tolerates at least 30 s of failures; readinessPath is absolute; terminationGraceSeconds is at least 10.");
        lines.Add("\"decisions\" states at least how host names are mapped and how data is stored.");
        return lines;
    }
}
