using System.Globalization;
using System.Text;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>systemd/</c> for on-premises hosts, the only instance units of the bundle (the deployment phase installs
/// them): a template unit <c>tarantool-&lt;cluster&gt;@.service</c> whose instance name is the Tarantool instance, run
/// from the configuration phase's layout (<see cref="InstanceLayout"/>) by <c>tt start --interactive</c>, which keeps
/// tt and the instance in the foreground under systemd; a target grouping the instances of one host; and the
/// environment file example for secrets.
/// </summary>
public static class SystemdRenderer
{
    public static IEnumerable<BundleFile> Render(OrchestrationPlan plan, PhaseContext context)
    {
        var cluster = context.Request.ClusterName;
        yield return new BundleFile($"{InstanceLayout.SystemdBundleDir}/{InstanceLayout.UnitTemplate(cluster)}", "systemd-unit", Template(plan, context, cluster));
        yield return new BundleFile($"{InstanceLayout.SystemdBundleDir}/{InstanceLayout.UnitTarget(cluster)}", "systemd-unit", Target(context, cluster));
        yield return new BundleFile($"{InstanceLayout.SystemdBundleDir}/tarantool-{cluster}.env.example", "env-example", EnvExample(plan, cluster));
    }

    /// <summary>The command that runs one instance in the foreground: tt (2.4 or newer) from the application
    /// directory, which is also the tt environment, so tt finds the instance, its data and its control socket
    /// exactly where an operator's <c>tt connect</c>/<c>tt status</c> look for them.</summary>
    public static string ExecStart(string cluster) =>
        $"/usr/bin/tt -c {InstanceLayout.TtConfig(cluster)} start --interactive {cluster}:%i";

    private static string Template(OrchestrationPlan plan, PhaseContext context, string cluster)
    {
        var startBudget = plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold;
        var memory = plan.Workloads.Max(w => w.MemoryLimitMib);
        var app = InstanceLayout.AppDirectory(cluster);
        var text = new StringBuilder();
        text.Append($"# Template unit: one instance of the {context.Request.ClusterName} cluster per unit, e.g.\n");
        text.Append($"#   systemctl enable --now {InstanceLayout.Unit(cluster, plan.Endpoints[0].Instance)}\n");
        text.Append($"# Install it with {InstanceLayout.UnitTarget(cluster)} and enable that target: it starts the enabled instances at boot.\n");
        text.Append($"# The bundle's tarantool/ directory is installed as {app}: the application and its tt environment at once\n");
        text.Append($"# (tt.yaml: instances_enabled: .). Data lives in {InstanceLayout.VmDataRoot(cluster)}/<instance> (mount the data disk at\n");
        text.Append($"# {InstanceLayout.VmDataRoot(cluster)}), control sockets in {app}/var/run/<instance>. tt start --interactive (tt 2.4 or newer)\n");
        text.Append("# stays in the foreground with the instance and sends its output to the journal.\n");
        text.Append("[Unit]\n");
        text.Append($"Description=Tarantool instance %i of cluster {context.Request.ClusterName}\n");
        text.Append("Documentation=https://www.tarantool.io/en/doc/latest/reference/tooling/tt_cli/\n");
        text.Append("After=network-online.target\n");
        text.Append("Wants=network-online.target\n");
        text.Append($"PartOf={InstanceLayout.UnitTarget(cluster)}\n\n");
        text.Append("[Service]\n");
        text.Append("Type=simple\n");
        text.Append("User=tarantool\n");
        text.Append("Group=tarantool\n");
        text.Append($"WorkingDirectory={app}\n");
        text.Append($"EnvironmentFile={InstanceLayout.SecretsFile(cluster)}\n");
        text.Append($"ExecStart={ExecStart(cluster)}\n");
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
        text.Append($"WantedBy={InstanceLayout.UnitTarget(cluster)}\n");
        return text.ToString();
    }

    private static string Target(PhaseContext context, string cluster)
    {
        var topology = context.Get<ClusterTopology>();
        var text = new StringBuilder();
        text.Append($"# Starts every enabled instance of {context.Request.ClusterName} on this host. Instances per host:\n");
        foreach (var host in topology.Replicasets.SelectMany(r => r.Instances).GroupBy(i => i.Host).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.Append($"#   {host.Key}: " + string.Join(" ", host.Select(i => InstanceLayout.Unit(cluster, i.Name))) + "\n");
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
        text.Append($"# Install as {InstanceLayout.SecretsFile(cluster)} (owner root, group tarantool, mode 0640) and set every value.\n");
        foreach (var secret in plan.Secrets.Where(s => s.EnvVar.Length > 0).DistinctBy(s => s.EnvVar))
            text.Append($"{secret.EnvVar}=\n");
        foreach (var secret in plan.Secrets.Where(s => s.FilePath.Length > 0))
            text.Append($"# {secret.ContextName} is read from {secret.FilePath} (mode 0400, owner tarantool).\n");
        return text.ToString();
    }
}
