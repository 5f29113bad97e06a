using Tarantool.Agents.Expert.CapacityPlanning;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Phases.Topology;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.Topology;

/// <summary>
/// Turns the HA strategy into failover: the mode (3.x or Cartridge vocabulary), the Raft settings, who may be
/// elected where, and which instances are writable.
/// </summary>
internal sealed class FailoverDesigner
{
    private readonly ClusterRequest _request;
    private readonly int _sites;

    public FailoverDesigner(ClusterRequest request, int members, int sites, bool stateboard)
    {
        _request = request;
        _sites = sites;
        Mode = ChooseMode(request);
        // No stateboard means etcd2: the user asked for etcd, or the plan (an LLM's) counted no stateboard instance.
        StateProvider = Mode == "stateful" ? (stateboard ? "stateboard" : "etcd2") : "";
        if (Mode == "election")
        {
            var profile = EnvironmentProfile.For(request.Environment);
            Election = new ElectionSettings(
                "candidate",
                profile.ElectionTimeoutSeconds,
                request.Environment == DeploymentEnvironment.Production ? "strict" : "soft",
                members / 2 + 1);
        }
    }

    public string Mode { get; }

    public string StateProvider { get; }

    public ElectionSettings? Election { get; }

    /// <summary>Manual failover (and Cartridge with failover disabled) names each replicaset's leader.</summary>
    public bool ConfiguresLeader => Mode is "manual" or "disabled";

    /// <summary>database.mode of a storage member: rw/ro only with failover off, otherwise decided by failover.</summary>
    public string StorageMode(bool firstMember) =>
        Mode != "off" ? "auto" : ClusterShape.IsTrueMasterMaster(_request) || firstMember ? "rw" : "ro";

    /// <summary>
    /// May members at <paramref name="site"/> lead? One site: everyone. Distributed HA: every site but the last
    /// (the witness) once there are three or more. Otherwise only the replicaset's primary site.
    /// </summary>
    public bool IsCandidateSite(int site, int primarySite) =>
        _sites == 1
        || (_request.HaStrategy == HaStrategy.DistributedHa ? _sites < 3 || site < _sites - 1 : site == primarySite);

    public string ElectionMode(int site, int primarySite) =>
        Election is null ? "" : IsCandidateSite(site, primarySite) ? "candidate" : "voter";

    private static string ChooseMode(ClusterRequest request)
    {
        if (request.ClusterType == ClusterType.SingleInstance || ClusterShape.IsTrueMasterMaster(request)) return "off";
        if (ClusterShape.IsCartridge(request)) return request.HaStrategy == HaStrategy.PassiveFailover ? "disabled" : "stateful";
        return request.HaStrategy == HaStrategy.PassiveFailover ? "manual" : "election";
    }
}
