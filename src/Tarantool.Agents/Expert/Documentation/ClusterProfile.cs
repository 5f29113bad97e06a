using Tarantool.Agents.Phases;
using Tarantool.Agents.Phases.BackupRecovery;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Deployment;
using Tarantool.Agents.Phases.Documentation;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Documentation;

/// <summary>
/// The cluster as an operator sees it, derived once from the request and the typed inputs: application name, tooling,
/// data replicasets and routers, leaders and switchover candidates, hosts, secrets and where they come from. Both the
/// documentation and the deployment experts read it, so the guide and the playbooks name the same things.
/// </summary>
internal sealed class ClusterProfile
{
    private ClusterProfile(PhaseContext context)
    {
        Request = context.Request;
        Language = context.Language;
        Topology = context.Get<ClusterTopology>();
        Capacity = context.Get<CapacityPlan>();
        Backup = context.Get<BackupPlan>();
        Tooling = ClusterTooling.Of(Request);
        Version = TarantoolVersion.Parse(Request.TarantoolVersion);
        ConfigYaml = context.FindFile(ConfigYamlFacts.Path);
        Configuration = context.Find<Phases.Configuration.ClusterConfiguration>();
        DataReplicasets = [.. Topology.Replicasets.Where(ReplicasetRoles.HoldsData)];
        Routers = [.. Topology.Replicasets.Where(ReplicasetRoles.IsRouter)];
        Stateboard = Topology.Replicasets.Where(ReplicasetRoles.IsStateboard).SelectMany(r => r.Instances).FirstOrDefault();
        Instances = [.. ReplicasetRoles.AllInstances(Topology)];
        Secrets = ResolveSecrets();
    }

    public static ClusterProfile From(PhaseContext context) => new(context);

    public ClusterRequest Request { get; }
    public Language Language { get; }
    public ClusterTopology Topology { get; }
    public CapacityPlan Capacity { get; }
    public BackupPlan Backup { get; }
    public TarantoolTooling Tooling { get; }
    public TarantoolVersion Version { get; }
    public string? ConfigYaml { get; }
    /// <summary>The configuration phase's output when the phase reading the profile declared it, else null.</summary>
    public Phases.Configuration.ClusterConfiguration? Configuration { get; }
    public IReadOnlyList<Replicaset> DataReplicasets { get; }
    public IReadOnlyList<Replicaset> Routers { get; }
    public InstanceNode? Stateboard { get; }
    public IReadOnlyList<InstanceNode> Instances { get; }

    /// <summary>Secrets Tarantool reads, with the environment variable (or file) they come from.</summary>
    public IReadOnlyList<ClusterSecret> Secrets { get; }

    public string App => Request.ClusterName;
    public string InstallDir => DeploymentLayout.DefaultInstallDir;
    public string FailoverMode => Topology.FailoverMode;
    public bool Election => FailoverMode == ReplicasetRoles.Election;
    public bool Manual => FailoverMode == ReplicasetRoles.Manual;
    public bool Sharded => Routers.Count > 0;
    public bool OnKubernetes => Phases.Containers.InstanceLayout.InContainers(Request);
    public bool Replicated => DataReplicasets.Any(r => r.Instances.Count > 1);
    public bool MultiMaster => DataReplicasets.Any(r => ReplicasetRoles.IsMultiMaster(r, FailoverMode));
    public bool MultiRegion => Topology.Regions.Count > 1;
    public bool Vinyl => Capacity.Engine == StorageEngine.Vinyl;
    public IReadOnlyList<string> Hosts => [.. Instances.Select(i => i.Host).Distinct(StringComparer.Ordinal)];

    public Replicaset ReplicasetOf(string instance) => Topology.Replicasets.First(r => r.Instances.Any(i => i.Name == instance));

    public InstanceNode Node(string instance) => Instances.First(i => i.Name == instance);

    public string? Leader(Replicaset replicaset) => ReplicasetRoles.PreferredLeader(replicaset, FailoverMode);

    public string? Candidate(Replicaset replicaset) => ReplicasetRoles.SwitchoverCandidate(replicaset, FailoverMode, Leader(replicaset));

    /// <summary>The first data replicaset: what examples use.</summary>
    public Replicaset MainReplicaset => DataReplicasets.Count > 0 ? DataReplicasets[0] : Topology.Replicasets[0];

    /// <summary>
    /// The instance whose backups are taken in a replicaset — the backup phase's designated source (a follower that
    /// can never lead if there is one, else the last non-leader), so its scripts, crontab and these timers agree.
    /// </summary>
    public string BackupInstance(Replicaset replicaset) => TopologyFacts.BackupSourceOf(replicaset).Name;

    /// <summary>The switchover method of a replicaset, as the deployment phase applies it.</summary>
    public string SwitchoverMethod(Replicaset replicaset) => SwitchoverPolicy.MethodFor(Tooling, FailoverMode, replicaset);

    /// <summary>The tt console target of an instance.</summary>
    public string Target(string instance) => $"{App}:{instance}";

    private IReadOnlyList<ClusterSecret> ResolveSecrets()
    {
        var fromConfig = ConfigYamlFacts.ContextSecrets(ConfigYaml);
        var secrets = new List<ClusterSecret>();
        foreach (var user in Topology.Users.Where(u => !string.IsNullOrEmpty(u.PasswordSecret)))
        {
            var entry = fromConfig.FirstOrDefault(c => c.Name == user.PasswordSecret);
            var variable = entry is { From: "env" } ? entry.Source : DeploymentPlanValidator.SecretVariable(user.PasswordSecret);
            secrets.Add(new ClusterSecret(variable, user.PasswordSecret, user.Name, entry is { From: "file" } ? entry.Source : null));
        }
        // Cartridge reads the cluster cookie and the stateboard password from its own TARANTOOL_* variables.
        if (Tooling == TarantoolTooling.Cartridge)
            secrets.Add(new ClusterSecret("TARANTOOL_CLUSTER_COOKIE", "cluster_cookie", "cluster", null));
        if (Tooling == TarantoolTooling.Cartridge && Stateboard is not null)
            secrets.Add(new ClusterSecret("TARANTOOL_PASSWORD", "stateboard_password", "stateboard", null));
        return secrets;
    }
}
