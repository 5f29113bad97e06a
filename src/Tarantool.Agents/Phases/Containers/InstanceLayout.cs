using System.Text.RegularExpressions;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Phases.Containers;

/// <summary>
/// Where an instance's files live on each deployment form: the one convention the backup, containers, monitoring, DR,
/// documentation and deployment phases derive their paths from, so scripts, units, alerts and drills point at the
/// same place.
/// <list type="bullet">
/// <item>VM hosts (on premises, systemd) follow the configuration phase: the bundle's <c>tarantool/</c> is the tt
/// environment and the application at once (<c>tt.yaml</c>: <c>instances_enabled: .</c>), installed as
/// <c>/opt/tarantool/&lt;cluster&gt;</c>; tt.yaml puts <c>wal_dir</c>/<c>memtx_dir</c>/<c>vinyl_dir</c> in
/// <c>var/lib</c> under it, Tarantool's own default <c>var/lib/{{ instance_name }}</c>, so an instance's data is
/// <c>/opt/tarantool/&lt;cluster&gt;/var/lib/&lt;instance&gt;</c>. The data disk is mounted at
/// <c>/opt/tarantool/&lt;cluster&gt;/var/lib</c>.</item>
/// <item>Containers (Kubernetes pods on every Kubernetes-based cloud, Compose services) mount the data volume at
/// <c>/var/lib/tarantool</c> and the containers phase pins snapshot, WAL and vinyl directories (or the 2.x work
/// directory) to <c>/var/lib/tarantool/&lt;instance&gt;</c>.</item>
/// </list>
/// </summary>
public static partial class InstanceLayout
{
    /// <summary>The parent of the application directories on VM hosts.</summary>
    public const string InstallRoot = "/opt/tarantool";

    /// <summary>Data directories relative to the application directory (tt.yaml: <c>wal_dir</c>, <c>memtx_dir</c>,
    /// <c>vinyl_dir</c>); tt appends the instance name.</summary>
    public const string VmDataSubdirectory = "var/lib";

    /// <summary>Where the data volume is mounted inside a container.</summary>
    public const string ContainerDataRoot = "/var/lib/tarantool";

    /// <summary>The StatefulSets' volume claim template (and the data volume of every pod); each pod's claim is
    /// <c>data-&lt;pod&gt;</c>, which the Kubernetes disk alerts and volume-replacing procedures name.</summary>
    public const string DataVolume = "data";

    /// <summary>The PersistentVolumeClaim holding one instance's data on Kubernetes (pod name = instance name).</summary>
    public static string DataVolumeClaim(string instance) => $"{DataVolume}-{instance}";

    /// <summary>
    /// The control socket of an instance in a container: inside its data directory on the data volume (tt's own file
    /// name), so the backup Job, which mounts the instance's volume on the same node, reaches the instance's console
    /// without the Kubernetes API, and the probes and scripts inside the pod find it at the same path.
    /// </summary>
    public static string ContainerConsoleSocket(string instance) => $"{ContainerDataRoot}/{instance}/{ConsoleSocketFile}";

    /// <summary>The control socket's file name inside the instance's data directory (tt's own name for it).</summary>
    public const string ConsoleSocketFile = "tarantool.control";

    /// <summary>True when the instances' control sockets follow <see cref="ContainerConsoleSocket"/>: every container
    /// form. The 3.x config pins <c>console.socket</c> there; a 2.x box.cfg init.lua opens it from
    /// <c>TT_CONSOLE_SOCKET</c> and Cartridge (instances and stateboard) from <c>TARANTOOL_CONSOLE_SOCK</c>, both set by
    /// the containers phase, since no tt launcher runs in the image to open one.</summary>
    public static bool ConsoleInDataDirectory(ClusterRequest request) => InContainers(request);

    /// <summary>
    /// Where Kubernetes pods mount the cluster ConfigMap as a directory. A directory mount (unlike <c>subPath</c>)
    /// follows ConfigMap changes, so a running instance can pick a change up with <c>config:reload()</c>; it is fixed
    /// (not under the image's application directory) so the mount never hides files of the image.
    /// </summary>
    public const string ContainerConfigDirectory = "/etc/tarantool/config";

    /// <summary>The config file a pod's instance starts with (<c>--config</c>), inside <see cref="ContainerConfigDirectory"/>.</summary>
    public const string ContainerConfigFile = ContainerConfigDirectory + "/config.yaml";

    /// <summary>Where the backup phase's <c>backup/</c> scripts are installed: on VM hosts by the deployment phase,
    /// in the image by the containers phase (the backup CronJob runs them inside the pods).</summary>
    public const string BackupToolsDir = "/opt/tarantool-backup";

    /// <summary>Where the backup scripts keep their lock files (backup/lib.sh <c>STATE_DIR</c>), on hosts and in pods.</summary>
    public const string BackupStateDir = "/var/lib/tarantool-backup";

    /// <summary>True when instances run in containers (the Kubernetes deployment form); false on VM hosts under systemd.</summary>
    public static bool InContainers(ClusterRequest request) => PlatformNaming.IsKubernetes(request);

    /// <summary>The application directory, which is also the tt environment: on VM hosts and, with the same path,
    /// the image's working directory.</summary>
    public static string AppDirectory(string cluster) => $"{InstallRoot}/{cluster}";

    /// <summary>The tt environment file of the application.</summary>
    public static string TtConfig(string cluster) => $"{AppDirectory(cluster)}/tt.yaml";

    /// <summary>The parent of the instances' data directories on a VM host; the data disk's mount point.</summary>
    public static string VmDataRoot(string cluster) => $"{AppDirectory(cluster)}/{VmDataSubdirectory}";

    /// <summary>The parent of the instances' data directories on the cluster's deployment form.</summary>
    public static string DataRoot(ClusterRequest request, string cluster) => InContainers(request) ? ContainerDataRoot : VmDataRoot(cluster);

    /// <summary>Snapshots, WAL and vinyl files of one instance on the cluster's deployment form.</summary>
    public static string DataDirectory(ClusterRequest request, string cluster, string instance) => $"{DataRoot(request, cluster)}/{instance}";

    /// <summary>The cluster's configuration directory on VM hosts (secrets and backup job settings).</summary>
    public static string EtcDirectory(string cluster) => $"/etc/tarantool/{cluster}";

    /// <summary>The secrets the instances read on VM hosts (systemd EnvironmentFile, mode 0640, group tarantool).</summary>
    public static string SecretsFile(string cluster) => $"{EtcDirectory(cluster)}/secrets.env";

    /// <summary>The systemd template unit that runs one instance on VM hosts, rendered by the containers phase under
    /// <c>systemd/</c> and installed by the deployment phase.</summary>
    public static string UnitTemplate(string cluster) => $"tarantool-{cluster}@.service";

    /// <summary>The systemd target grouping the instance units of a host; enabling it starts them at boot.</summary>
    public static string UnitTarget(string cluster) => $"tarantool-{cluster}.target";

    /// <summary>The systemd unit of one instance, e.g. <c>tarantool-orders@storage-001-1.service</c>.</summary>
    public static string Unit(string cluster, string instance) => $"tarantool-{cluster}@{instance}.service";

    /// <summary>The bundle folder holding the unit template, the target and the environment file example.</summary>
    public const string SystemdBundleDir = "systemd";

    /// <summary>
    /// Instance data directories named in free text (procedures, drill steps) that differ from the layout: every
    /// absolute path through a <c>var/lib</c> with a segment named after a known instance (or <c>instance.suffix</c>)
    /// must lead to <see cref="DataDirectory"/> of that instance. Returns each offending path with the expected one.
    /// </summary>
    public static IEnumerable<(string Found, string Expected)> MisplacedDataDirectories(string text, ClusterRequest request, string cluster, IReadOnlySet<string> instances)
    {
        foreach (Match match in AbsolutePath().Matches(text))
        {
            if (!match.Value.Contains("/var/lib/", StringComparison.Ordinal)) continue;
            // The path of a URI such as unix:///var/lib/tarantool/x/tarantool.control starts after its empty authority.
            var segments = ("/" + match.Value.TrimStart('/')).Split('/');
            for (var k = 1; k < segments.Length; k++)
            {
                var segment = segments[k];
                var instance = instances.FirstOrDefault(i => segment == i || segment.StartsWith(i + ".", StringComparison.Ordinal));
                if (instance is null) continue;
                var found = string.Join('/', segments[..k]) + "/" + instance;
                var expected = DataDirectory(request, cluster, instance);
                if (found != expected) yield return (found, expected);
                break;
            }
        }
    }

    /// <summary>
    /// True when a command starts, stops or kills an instance with tt itself (<c>tt start</c>, <c>tt stop</c>,
    /// <c>tt restart</c>, <c>tt kill</c>, <c>tt replicaset rebootstrap</c>): on hosts the systemd units own the
    /// processes and in pods the StatefulSets do, so such a command leaves an unsupervised instance or fights the
    /// supervisor.
    /// </summary>
    public static bool BypassesSupervisor(string text) => UnsupervisedControl().IsMatch(text);

    [GeneratedRegex(@"/[^\s`'""()<>|;,*]+")]
    private static partial Regex AbsolutePath();

    [GeneratedRegex(@"\btt\s+(?:-{1,2}\S+\s+)*(?:start|stop|restart|kill|replicaset\s+rebootstrap)\b")]
    private static partial Regex UnsupervisedControl();
}
