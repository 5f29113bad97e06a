using System.Globalization;
using System.Text;
using Tarantool.Agents.ClusterConfig;
using Tarantool.Agents.Phases.Topology;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Writes <c>systemd/</c> for on-premises hosts, the only instance units of the bundle (the deployment phase installs
/// them): a hardened <c>Type=notify</c> template unit <c>tarantool-&lt;cluster&gt;@.service</c> whose instance name is
/// the Tarantool instance, run from the configuration phase's layout (<see cref="InstanceLayout"/>) — by tarantool
/// itself for 3.x, by <c>tt start --interactive</c> for older layouts (<see cref="ExecStart"/>); a target grouping the
/// instances of one host; and the environment file example for secrets.
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

    /// <summary>The command that runs one instance under systemd. A 3.x instance runs as tarantool itself, so the
    /// unit's main process is the instance and its own sd_notify READY=1 (sent once box.cfg has recovered and the
    /// config is applied) ends the start; tt would be the main process with tarantool as its child. Older layouts
    /// (2.x box.cfg, Cartridge) need tt's launcher and run under <c>tt start --interactive</c> (<see cref="TtRelease.MinimumVersion"/>),
    /// which passes NOTIFY_SOCKET to the instance (<see cref="NotifyAccess"/>).</summary>
    public static string ExecStart(string cluster, string configDelivery) =>
        configDelivery == ConfigDelivery.ConfigYaml
            ? $"/usr/bin/tarantool --name %i --config {InstanceLayout.AppDirectory(cluster)}/config.yaml"
            : $"/usr/bin/tt -c {InstanceLayout.TtConfig(cluster)} start --interactive {cluster}:%i";

    /// <summary>Who may send READY=1: the main process when it is tarantool, any process of the unit when tt starts
    /// tarantool as its child.</summary>
    public static string NotifyAccess(string configDelivery) => configDelivery == ConfigDelivery.ConfigYaml ? "main" : "all";

    /// <summary>
    /// The defaults tt gives an instance it starts (tt's cli/running/cluster_instance.go), so an instance run without
    /// tt keeps the tt environment's layout: data in var/lib/&lt;instance&gt;, the pid file and control socket in
    /// var/run/&lt;instance&gt; (where <c>tt connect app:instance</c> looks), a local iproto socket there too. The
    /// config's own values win over these.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> TtDefaults(string cluster)
    {
        var app = InstanceLayout.AppDirectory(cluster);
        var data = $"{app}/{InstanceLayout.VmDataSubdirectory}/%i";
        var run = $"{app}/var/run/%i";
        return
        [
            ("TT_VINYL_DIR_DEFAULT", data),
            ("TT_WAL_DIR_DEFAULT", data),
            ("TT_SNAPSHOT_DIR_DEFAULT", data),
            ("TT_PROCESS_PID_FILE_DEFAULT", $"{run}/tarantool.pid"),
            ("TT_CONSOLE_SOCKET_DEFAULT", $"{run}/tarantool.control"),
            ("TT_IPROTO_LISTEN_DEFAULT", $"[{{\"uri\":\"{run}/tarantool.sock\"}}]"),
        ];
    }

    private static string Template(OrchestrationPlan plan, PhaseContext context, string cluster)
    {
        var startBudget = plan.Probes.StartupPeriodSeconds * plan.Probes.StartupFailureThreshold;
        var memory = plan.Workloads.Max(w => w.MemoryLimitMib);
        var app = InstanceLayout.AppDirectory(cluster);
        var direct = plan.ConfigDelivery == ConfigDelivery.ConfigYaml;
        var text = new StringBuilder();
        text.Append($"# Template unit: one instance of the {context.Request.ClusterName} cluster per unit, e.g.\n");
        text.Append($"#   systemctl enable --now {InstanceLayout.Unit(cluster, plan.Endpoints[0].Instance)}\n");
        text.Append($"# Install it with {InstanceLayout.UnitTarget(cluster)} and enable that target: it starts the enabled instances at boot.\n");
        text.Append($"# The bundle's tarantool/ directory is installed as {app}: the application and its tt environment at once\n");
        text.Append($"# (tt.yaml: instances_enabled: .). Data lives in {InstanceLayout.VmDataRoot(cluster)}/<instance> (mount the data disk at\n");
        text.Append($"# {InstanceLayout.VmDataRoot(cluster)}), control sockets in {app}/var/run/<instance>.\n");
        text.Append(direct
            ? "# tarantool runs as the unit's main process with the defaults tt would give it, so tt connect, tt replicaset and the\n# backup scripts find it as usual; it notifies systemd (Type=notify) once it has recovered and applied its config.\n"
            : $"# tt start --interactive ({TtRelease.Requirement}, as setup.md installs) stays in the foreground with the instance, passes NOTIFY_SOCKET to it and\n# sends its output to the journal; the instance notifies systemd (Type=notify, NotifyAccess=all) once it is up.\n");
        text.Append($"# The start may take the recovery-time budget ({startBudget.ToString(CultureInfo.InvariantCulture)} s: snapshot and WAL replay of the largest instance).\n");
        text.Append("[Unit]\n");
        text.Append($"Description=Tarantool instance %i of cluster {context.Request.ClusterName}\n");
        text.Append("Documentation=https://www.tarantool.io/en/doc/latest/reference/configuration/\n");
        text.Append("After=network-online.target\n");
        text.Append("Wants=network-online.target\n");
        text.Append($"PartOf={InstanceLayout.UnitTarget(cluster)}\n\n");
        text.Append("[Service]\n");
        text.Append("Type=notify\n");
        text.Append($"NotifyAccess={NotifyAccess(plan.ConfigDelivery)}\n");
        text.Append("User=tarantool\n");
        text.Append("Group=tarantool\n");
        text.Append($"WorkingDirectory={app}\n");
        text.Append($"EnvironmentFile={InstanceLayout.SecretsFile(cluster)}\n");
        if (direct)
            foreach (var (name, value) in TtDefaults(cluster))
                text.Append($"Environment=\"{name}={value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n");
        text.Append($"ExecStart={ExecStart(cluster, plan.ConfigDelivery)}\n");
        text.Append("Restart=on-failure\n");
        text.Append("RestartSec=5\n");
        text.Append($"TimeoutStartSec={startBudget.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append($"TimeoutStopSec={plan.Probes.TerminationGraceSeconds.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append("LimitNOFILE=65536\n");
        text.Append("LimitCORE=infinity\n");
        // The largest instance's RAM budget caps every unit: an unexpected leak hits the unit, not its neighbours.
        text.Append($"MemoryMax={memory.ToString(CultureInfo.InvariantCulture)}M\n");
        text.Append("OOMScoreAdjust=-500\n");
        text.Append("# Hardening: the whole file system is read-only except the tt environment's var/ (data, WAL, snapshots, control\n");
        text.Append("# sockets, pid files); no home directories, devices, privilege gain, kernel tunables or exotic sockets.\n");
        text.Append("# MemoryDenyWriteExecute is left off: LuaJIT compiles to executable memory.\n");
        text.Append("NoNewPrivileges=true\n");
        text.Append("ProtectSystem=strict\n");
        text.Append($"ReadWritePaths={VarDirectory(cluster)}\n");
        text.Append("ProtectHome=true\n");
        text.Append("PrivateTmp=true\n");
        text.Append("PrivateDevices=true\n");
        text.Append("ProtectKernelTunables=true\n");
        text.Append("ProtectKernelModules=true\n");
        text.Append("ProtectKernelLogs=true\n");
        text.Append("ProtectControlGroups=true\n");
        text.Append("ProtectClock=true\n");
        text.Append("ProtectHostname=true\n");
        text.Append("RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6\n");
        text.Append("RestrictNamespaces=true\n");
        text.Append("RestrictRealtime=true\n");
        text.Append("RestrictSUIDSGID=true\n");
        text.Append("LockPersonality=true\n");
        text.Append("SystemCallArchitectures=native\n\n");
        text.Append("[Install]\n");
        text.Append($"WantedBy={InstanceLayout.UnitTarget(cluster)}\n");
        return text.ToString();
    }

    /// <summary>The only directory an instance writes: the tt environment's var/ (var/lib holds the data disk).</summary>
    public static string VarDirectory(string cluster) => $"{InstanceLayout.AppDirectory(cluster)}/var";

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
