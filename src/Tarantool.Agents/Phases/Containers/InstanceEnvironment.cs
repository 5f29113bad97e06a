using System.Globalization;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// The environment an instance starts with on a container platform. Secrets come first so that Kubernetes can
/// expand <c>$(TT_REPLICATOR_PASSWORD)</c> in later values; identity is the pod name on Kubernetes and the
/// service name in Compose.
/// </summary>
public static class InstanceEnvironment
{
    /// <summary>Kubernetes: one template per StatefulSet, instance-specific values through <c>$(TT_INSTANCE_NAME)</c>.</summary>
    public static IReadOnlyList<EnvEntry> ForKubernetes(OrchestrationPlan plan, WorkloadPlan workload, ClusterTopology topology)
    {
        const string self = "$(TT_INSTANCE_NAME)";
        var host = $"{self}.{workload.Replicaset}.{plan.Namespace}.svc.cluster.local";
        return Build(plan, workload, topology, new EnvEntry("TT_INSTANCE_NAME", "", FromPodName: true), self, host,
            e => $"{e.Host}:{e.IprotoPort.ToString(CultureInfo.InvariantCulture)}", secret => $"$({secret})");
    }

    /// <summary>Compose: one service per instance, values are literal; secrets are interpolated from containers/.env.</summary>
    public static IReadOnlyList<EnvEntry> ForCompose(OrchestrationPlan plan, WorkloadPlan workload, InstanceEndpoint endpoint, ClusterTopology topology) =>
        Build(plan, workload, topology, new EnvEntry("TT_INSTANCE_NAME", endpoint.Instance), endpoint.Instance, endpoint.ComposeService,
            e => $"{e.ComposeService}:{PlatformNaming.ContainerIprotoPort.ToString(CultureInfo.InvariantCulture)}", secret => $"${{{secret}}}");

    private static List<EnvEntry> Build(
        OrchestrationPlan plan, WorkloadPlan workload, ClusterTopology topology, EnvEntry identity, string self, string host,
        Func<InstanceEndpoint, string> peerAddress, Func<string, string> secretExpansion)
    {
        var env = new List<EnvEntry>();
        foreach (var secret in plan.Secrets.Where(s => s.EnvVar.Length > 0 && AppliesTo(s, workload)))
            env.Add(new EnvEntry(secret.EnvVar, "", secret));
        env.Add(identity);

        var iproto = PlatformNaming.ContainerIprotoPort.ToString(CultureInfo.InvariantCulture);
        var data = $"{plan.Image.DataDirectory}/{self}";
        // Where the admin console listens: the socket the 3.x config pins (console.socket), which init.lua (box.cfg)
        // and Cartridge (TARANTOOL_CONSOLE_SOCK) open here too, so probes, backups and scripts find every form alike.
        var console = $"{data}/{InstanceLayout.ConsoleSocketFile}";
        switch (plan.ConfigDelivery)
        {
            case ConfigDelivery.LuaLayout:
                // box.cfg reads TT_<OPTION> variables since 2.8: listen and replication follow the platform's names.
                env.Add(new EnvEntry("TARANTOOL_INSTANCE_NAME", self));
                env.Add(new EnvEntry("TT_LISTEN", iproto));
                env.Add(new EnvEntry("TT_WORK_DIR", data));
                env.Add(new EnvEntry("TT_CONSOLE_SOCKET", console));
                if (workload.Instances.Count > 1)
                {
                    var replicator = plan.Secrets.FirstOrDefault(s => s.ContextName == ReplicatorSecret(topology) && s.EnvVar.Length > 0);
                    var prefix = replicator is null ? "" : $"replicator:{secretExpansion(replicator.EnvVar)}@";
                    env.Add(new EnvEntry("TT_REPLICATION", TopologyPlacement.ReplicationPeers(plan, workload.Replicaset, peerAddress, prefix)));
                }
                break;
            case ConfigDelivery.Cartridge when workload.Role == "stateboard":
                env.Add(new EnvEntry("TARANTOOL_LISTEN", iproto));
                env.Add(new EnvEntry("TARANTOOL_WORKDIR", data));
                env.Add(new EnvEntry("TARANTOOL_CONSOLE_SOCK", console));
                break;
            case ConfigDelivery.Cartridge:
                env.Add(new EnvEntry("TARANTOOL_INSTANCE_NAME", self));
                env.Add(new EnvEntry("TARANTOOL_ADVERTISE_URI", $"{host}:{iproto}"));
                env.Add(new EnvEntry("TARANTOOL_HTTP_PORT", PlatformNaming.ContainerMetricsPort.ToString(CultureInfo.InvariantCulture)));
                env.Add(new EnvEntry("TARANTOOL_WORKDIR", data));
                env.Add(new EnvEntry("TARANTOOL_CONSOLE_SOCK", console));
                env.Add(new EnvEntry("TARANTOOL_CFG", $"{plan.Image.AppDirectory}/instances.yml"));
                break;
        }
        return env;
    }

    /// <summary>The stateboard password is only for the stateboard; everything else goes to every instance.</summary>
    private static bool AppliesTo(SecretReference secret, WorkloadPlan workload) =>
        secret.ContextName == "stateboard_password" ? workload.Role == "stateboard" : workload.Role != "stateboard";

    private static string ReplicatorSecret(ClusterTopology topology) =>
        topology.Users.FirstOrDefault(u => u.Name == "replicator")?.PasswordSecret ?? "replicator_password";
}
