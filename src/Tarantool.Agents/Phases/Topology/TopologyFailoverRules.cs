using System.Globalization;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Phases.Topology.TopologyVocabulary;

namespace Tarantool.Agents.Phases.Topology;

/// <summary>Failover mode against the HA strategy, leaders, election settings, election and database modes.</summary>
internal static class TopologyFailoverRules
{
    public static void Check(ClusterTopology topology, ClusterRequest request, CapacityPlan? plan, List<ValidationIssue> issues)
    {
        var mode = topology.FailoverMode;
        var cartridge = ClusterShape.IsCartridge(request);
        var vocabulary = cartridge ? CartridgeFailover : DeclarativeFailover;
        if (!vocabulary.Contains(mode))
        {
            issues.Add(ValidationIssue.Error("topology.failover-vocabulary",
                $"failoverMode '{mode}' is not one of {string.Join(", ", vocabulary)}{(cartridge ? " (Cartridge)" : " (replication.failover)")}.", "$.failoverMode"));
            return;
        }

        CheckStrategy(topology, request, issues);
        CheckStateProvider(topology, cartridge, issues);
        var storages = topology.Replicasets.Where(r => IsStorage(r) && !IsStateboard(r)).ToList();
        CheckLeaders(topology, storages, issues);
        CheckElection(topology, storages, plan, issues);
        CheckModes(topology, request, storages, issues);
    }

    private static void CheckStrategy(ClusterTopology topology, ClusterRequest request, List<ValidationIssue> issues)
    {
        var mode = topology.FailoverMode;
        var (expected, why) = ExpectedModes(request);
        if (!expected.Contains(mode))
            issues.Add(ValidationIssue.Error("topology.failover-strategy",
                $"failoverMode '{mode}' does not implement the requested {EnumText.Kebab(request.HaStrategy)}{(ClusterShape.IsTrueMasterMaster(request) ? " master-master" : "")}: expected {string.Join(" or ", expected)} ({why}).",
                "$.failoverMode"));
    }

    /// <summary>The failover modes that implement the request's HA strategy, and why (the prompt states them too).</summary>
    public static (string[] Expected, string Why) ExpectedModes(ClusterRequest request)
    {
        string[] expected;
        string why;
        if (request.ClusterType == ClusterType.SingleInstance)
            (expected, why) = (new[] { "off" }, "a single instance has nothing to fail over to");
        else if (ClusterShape.IsTrueMasterMaster(request))
            (expected, why) = (new[] { "off" }, "master-master runs every member writable with failover off");
        else if (ClusterShape.IsCartridge(request))
            (expected, why) = request.HaStrategy == HaStrategy.PassiveFailover
                ? (new[] { "disabled" }, "passive failover means an operator switches the leader")
                : (new[] { "stateful", "eventual" }, "automatic failover on Cartridge is stateful (or eventual) failover");
        else
            (expected, why) = request.HaStrategy switch
            {
                HaStrategy.PassiveFailover => (new[] { "manual" }, "passive failover means an operator switches the leader (replication.failover: manual)"),
                HaStrategy.DistributedHa => (new[] { "election" }, "distributed HA elects leaders with Raft across sites"),
                _ => (new[] { "election", "supervised" }, "active failover elects or appoints a new leader automatically"),
            };
        return (expected, why);
    }

    private static void CheckStateProvider(ClusterTopology topology, bool cartridge, List<ValidationIssue> issues)
    {
        var provider = topology.FailoverStateProvider;
        var stateboards = topology.Replicasets.Where(IsStateboard).SelectMany(r => r.Instances).ToList();
        if (cartridge && topology.FailoverMode == "stateful")
        {
            if (!StateProviders.Contains(provider))
                issues.Add(ValidationIssue.Error("topology.state-provider", "Cartridge stateful failover needs failoverStateProvider 'stateboard' or 'etcd2'.", "$.failoverStateProvider"));
            else if (provider == "stateboard" && (stateboards.Count != 1 || stateboards[0].Name != StateboardName))
                issues.Add(ValidationIssue.Error("topology.state-provider",
                    $"failoverStateProvider 'stateboard' needs exactly one instance named '{StateboardName}' in a replicaset with the '{StateboardRole}' role.", "$.replicasets"));
            else if (provider == "etcd2" && stateboards.Count > 0)
                issues.Add(ValidationIssue.Error("topology.state-provider", "With the etcd2 state provider there is no stateboard instance.", "$.replicasets"));
        }
        else
        {
            if (!string.IsNullOrEmpty(provider))
                issues.Add(ValidationIssue.Error("topology.state-provider", $"failoverStateProvider must be empty unless Cartridge stateful failover is used (got '{provider}').", "$.failoverStateProvider"));
            if (stateboards.Count > 0)
                issues.Add(ValidationIssue.Error("topology.state-provider", "A stateboard is only used by Cartridge stateful failover.", "$.replicasets"));
        }
    }

    private static void CheckLeaders(ClusterTopology topology, List<Replicaset> storages, List<ValidationIssue> issues)
    {
        var manual = topology.FailoverMode is "manual" or "disabled";
        for (var i = 0; i < topology.Replicasets.Count; i++)
        {
            var rs = topology.Replicasets[i];
            if (rs.Leader is null) continue;
            if (!manual)
                issues.Add(ValidationIssue.Error("topology.leader",
                    $"Replicaset '{rs.Name}' sets a leader, but a leader is configured only with manual failover (failover '{topology.FailoverMode}' chooses leaders itself); set leader to null.", $"$.replicasets[{i}].leader"));
            else if (rs.Instances.All(n => n.Name != rs.Leader))
                issues.Add(ValidationIssue.Error("topology.leader", $"The leader '{rs.Leader}' of '{rs.Name}' is not a member of that replicaset.", $"$.replicasets[{i}].leader"));
        }

        if (topology.FailoverMode == "manual")
            foreach (var rs in storages.Where(r => r.Leader is null))
                issues.Add(ValidationIssue.Error("topology.leader",
                    $"With manual failover every storage replicaset needs a leader; '{rs.Name}' has none, so all its instances would stay read-only.", "$.replicasets"));
    }

    private static void CheckElection(ClusterTopology topology, List<Replicaset> storages, CapacityPlan? plan, List<ValidationIssue> issues)
    {
        var election = topology.FailoverMode == "election";
        var settings = topology.Election;
        if (election && settings is null)
        {
            issues.Add(ValidationIssue.Error("topology.election-settings", "failoverMode election needs election settings (mode, timeout, fencing, synchro quorum).", "$.election"));
            return;
        }

        if (!election)
        {
            if (settings is not null)
                issues.Add(ValidationIssue.Error("topology.election-settings", $"election settings are only for failoverMode election (got '{topology.FailoverMode}'); set election to null.", "$.election"));
            foreach (var node in storages.SelectMany(r => r.Instances).Where(n => n.ElectionMode is not ("" or "off")))
                issues.Add(ValidationIssue.Error("topology.election-mode",
                    $"Instance '{node.Name}' has electionMode '{node.ElectionMode}' but failover is '{topology.FailoverMode}'; leave it empty.", "$.replicasets"));
            return;
        }

        if (!ElectionModes.Contains(settings!.Mode))
            issues.Add(ValidationIssue.Error("topology.election-settings", $"election.mode '{settings.Mode}' is not one of {string.Join(", ", ElectionModes)}.", "$.election.mode"));
        if (settings.TimeoutSeconds <= 0)
            issues.Add(ValidationIssue.Error("topology.election-settings", "election.timeoutSeconds must be positive (e.g. 4 s in production).", "$.election.timeoutSeconds"));
        if (!FencingModes.Contains(settings.FencingMode))
            issues.Add(ValidationIssue.Error("topology.election-settings", $"election.fencingMode '{settings.FencingMode}' is not one of {string.Join(", ", FencingModes)}.", "$.election.fencingMode"));

        var members = plan?.InstancesPerReplicaset ?? (storages.Count == 0 ? 0 : storages.Max(r => r.Instances.Count));
        if (members > 0 && (settings.SynchroQuorum <= members / 2 || settings.SynchroQuorum > members))
            issues.Add(ValidationIssue.Error("topology.election-settings",
                $"election.synchroQuorum {settings.SynchroQuorum} must be a majority of the {members} members: between {members / 2 + 1} and {members} (N/2+1 is the usual choice); less allows two leaders, more can never be reached.",
                "$.election.synchroQuorum"));

        if (topology.CrossRegionLatencyBudgetMs > 0 && settings.TimeoutSeconds * 1000 < topology.CrossRegionLatencyBudgetMs * 10)
            issues.Add(ValidationIssue.Warning("topology.election-settings",
                $"election.timeoutSeconds ({settings.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}) is short against a {topology.CrossRegionLatencyBudgetMs} ms cross-site round trip; elections may flap.", "$.election.timeoutSeconds"));

        foreach (var rs in storages)
        {
            foreach (var node in rs.Instances.Where(n => !ElectionModes.Contains(n.ElectionMode)))
                issues.Add(ValidationIssue.Error("topology.election-mode",
                    $"Instance '{node.Name}' needs electionMode candidate, voter, manual or off under election failover (got '{node.ElectionMode}').", "$.replicasets"));
            if (!rs.Instances.Any(n => n.ElectionMode is "candidate" or "manual"))
                issues.Add(ValidationIssue.Error("topology.election-mode", $"Replicaset '{rs.Name}' has no candidate, so it can never elect a leader.", "$.replicasets"));
        }
    }

    private static void CheckModes(ClusterTopology topology, ClusterRequest request, List<Replicaset> storages, List<ValidationIssue> issues)
    {
        foreach (var node in topology.Replicasets.SelectMany(r => r.Instances).Where(n => !InstanceModes.Contains(n.Mode)))
            issues.Add(ValidationIssue.Error("topology.instance-mode", $"Instance '{node.Name}' has mode '{node.Mode}'; use rw, ro or auto.", "$.replicasets"));

        var off = topology.FailoverMode == "off";
        foreach (var rs in storages)
        {
            if (!off)
            {
                foreach (var node in rs.Instances.Where(n => n.Mode != "auto"))
                    issues.Add(ValidationIssue.Error("topology.instance-mode",
                        $"Instance '{node.Name}' sets mode '{node.Mode}', but database.mode rw/ro is only allowed with failover off; with '{topology.FailoverMode}' use 'auto'.", "$.replicasets"));
                continue;
            }

            var writable = rs.Instances.Count(n => n.Mode == "rw");
            if (ClusterShape.IsTrueMasterMaster(request))
            {
                if (writable < rs.Instances.Count)
                    issues.Add(ValidationIssue.Error("topology.instance-mode", $"Master-master: every member of '{rs.Name}' must be rw.", "$.replicasets"));
            }
            else if (writable != 1)
                issues.Add(ValidationIssue.Error("topology.instance-mode",
                    $"With failover off, replicaset '{rs.Name}' needs exactly one rw instance (found {writable}); several writers without master-master conflict handling corrupt data, none means no writes.", "$.replicasets"));
        }
    }
}
