using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>systemd/</c> for on-premises hosts: a template unit <c>tarantool-&lt;cluster&gt;@.service</c> whose
/// instance name is the Tarantool instance (<c>tt start --interactive</c> keeps tt in the foreground under
/// systemd), a target grouping the instances of one host, and the environment file example for secrets.
/// </summary>
public static class SystemdRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        var cluster = PlatformNaming.Namespace(context.Request.ClusterName);
        var unit = $"tarantool-{cluster}";
        yield return new BundleFile($"systemd/{unit}@.service", "systemd-unit", Template(plan, context, cluster, unit));
        yield return new BundleFile($"systemd/{unit}.target", "systemd-unit", Target(context, unit));
        yield return new BundleFile($"systemd/{unit}.env.example", "env-example", EnvExample(plan, cluster));
    }

    private static string Template(OrchestrationPlan plan, PhaseContext context, string cluster, string unit)
    {
        var startBudget = plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold;
        var memory = plan.Workloads.Max(w => w.MemoryLimitMib);
        var text = new StringBuilder();
        text.Append($"# Template unit: one instance of the {context.Request.ClusterName} cluster per unit, e.g.\n");
        text.Append($"#   systemctl enable --now {unit}@{plan.Endpoints[0].Instance}.service\n");
        text.Append($"# The application is installed as the tt environment's app '{cluster}' (/etc/tarantool/instances.enabled/{cluster}).\n");
        text.Append("[Unit]\n");
        text.Append($"Description=Tarantool instance %i of cluster {context.Request.ClusterName}\n");
        text.Append("Documentation=https://www.tarantool.io/en/doc/latest/reference/tooling/tt_cli/\n");
        text.Append("After=network-online.target\n");
        text.Append("Wants=network-online.target\n");
        text.Append($"PartOf={unit}.target\n\n");
        text.Append("[Service]\n");
        text.Append("Type=simple\n");
        text.Append("User=tarantool\n");
        text.Append("Group=tarantool\n");
        text.Append($"EnvironmentFile=/etc/tarantool/{cluster}/secrets.env\n");
        text.Append("Environment=TT_INSTANCE_NAME=%i\n");
        text.Append($"ExecStart=/usr/bin/tt -S start --interactive {cluster}:%i\n");
        text.Append("Restart=on-failure\n");
        text.Append("RestartSec=5\n");
        text.Append($"TimeoutStartSec={startBudget.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append($"TimeoutStopSec={plan.Probes.TerminationGraceSeconds.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append("LimitNOFILE=65536\n");
        text.Append("LimitCORE=infinity\n");
        // The largest instance's RAM budget caps every unit: an unexpected leak hits the unit, not its neighbours.
        text.Append($"MemoryMax={memory.ToString(CultureInfo.InvariantCulture)}M\n");
        text.Append("OOMScoreAdjust=-500\n");
        text.Append("NoNewPrivileges=true\n");
        text.Append("ProtectSystem=full\n");
        text.Append("PrivateTmp=true\n\n");
        text.Append("[Install]\n");
        text.Append($"WantedBy={unit}.target\n");
        return text.ToString();
    }

    private static string Target(PhaseContext context, string unit)
    {
        var topology = context.Get<ClusterTopology>();
        var text = new StringBuilder();
        text.Append($"# Starts every enabled instance of {context.Request.ClusterName} on this host. Instances per host:\n");
        foreach (var host in topology.Replicasets.SelectMany(r => r.Instances).GroupBy(i => i.Host).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.Append($"#   {host.Key}: " + string.Join(" ", host.Select(i => $"{unit}@{i.Name}.service")) + "\n");
        text.Append("[Unit]\n");
        text.Append($"Description=Tarantool cluster {context.Request.ClusterName}\n");
        text.Append("After=network-online.target\n");
        text.Append("Wants=network-online.target\n\n");
        text.Append("[Install]\n");
        text.Append("WantedBy=multi-user.target\n");
        return text.ToString();
    }

    private static string EnvExample(OrchestrationPlan plan, string cluster)
    {
        var text = new StringBuilder();
        text.Append($"# Install as /etc/tarantool/{cluster}/secrets.env (owner root, group tarantool, mode 0640) and set every value.\n");
        foreach (var secret in plan.Secrets.Where(s => s.EnvVar.Length > 0).DistinctBy(s => s.EnvVar))
            text.Append($"{secret.EnvVar}=\n");
        foreach (var secret in plan.Secrets.Where(s => s.FilePath.Length > 0))
            text.Append($"# {secret.ContextName} is read from {secret.FilePath} (mode 0400, owner tarantool).\n");
        return text.ToString();
    }
}
