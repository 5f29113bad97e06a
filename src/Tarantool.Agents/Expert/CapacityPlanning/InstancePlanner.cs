using Tarantool.Agents.Narratives;
using Tarantool.Agents.Phases.CapacityPlanning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Counts instances: members per storage replicaset (redundancy and quorum), routers (throughput and one per site),
/// and the Cartridge stateboard.
/// </summary>
internal static class InstancePlanner
{
    public static InstanceFigures Plan(PlanningInputs input)
    {
        var (request, log) = (input.Request, input.Log);
        if (request.ClusterType == ClusterType.SingleInstance)
        {
            log.Formula("instancesPerReplicaset", "single-instance: one instance, no replicas", "1");
            log.Formula("totalInstances", "1 × 1 + 0 routers", "1");
            return new InstanceFigures(1, 0, false, 1);
        }

        var members = MembersPerReplicaset(input);
        var routers = Routers(input);
        var stateboard = ClusterShape.UsesStateboard(request);
        var total = input.Shards * members + routers + (stateboard ? 1 : 0);
        log.Formula("totalInstances",
            $"{input.Shards} storage replicaset(s) × {members} + {routers} router(s){(stateboard ? " + 1 stateboard" : "")}",
            Figures.Integer(total));
        return new InstanceFigures(members, routers, stateboard, total);
    }

    private static int MembersPerReplicaset(PlanningInputs input)
    {
        var derived = DerivedMembers(input, out var why);
        if (input.Request.Replicas is not { } asked || asked == derived)
        {
            // A stated count equal to the derived one changes nothing, so the plan explains it the same way.
            input.Log.Formula("instancesPerReplicaset", why, Figures.Integer(derived));
            return derived;
        }

        input.Log.Formula("instancesPerReplicaset",
            $"requested: {asked} per replicaset, the leader included (the failover and sites alone would give {derived})", Figures.Integer(asked));
        return asked;
    }

    /// <summary>Members per replicaset when the request does not say: redundancy, quorum and sites decide.</summary>
    private static int DerivedMembers(PlanningInputs input, out string formula)
    {
        var request = input.Request;
        var election = ClusterShape.UsesElection(request);
        // Production keeps a member in reserve while another is down for maintenance; a Raft quorum needs three
        // voters to survive one failure, so election clusters get three members everywhere.
        var local = input.IsProduction || election ? 3 : 2;
        var why = input.IsProduction ? "production: leader + 2 replicas"
            : election ? "election needs 3 voters for a quorum that survives a failure"
            : $"{request.Environment.ToString().ToLowerInvariant()}: leader + 1 replica";
        if (input.Sites == 1)
        {
            formula = why;
            return local;
        }

        if (request.HaStrategy == HaStrategy.DistributedHa || input.IsTrueMasterMaster)
        {
            formula = $"max({local} ({why}), {input.Sites} sites) spread evenly so no site holds a majority";
            return Math.Max(local, input.Sites);
        }

        formula = $"{local} in the primary site ({why}) + 1 per remote site × {input.Sites - 1}";
        return local + input.Sites - 1;
    }

    private static int Routers(PlanningInputs input)
    {
        if (!ClusterShape.UsesVshard(input.Request)) return 0;
        var needed = Rounding.CeilDiv(input.Workload.TotalRps, PlanningConstants.RouterBudgetRps);
        var routers = Math.Max(input.Profile.MinimumRouters, needed);
        var expression = $"max({input.Profile.MinimumRouters} minimum in {input.Request.Environment.ToString().ToLowerInvariant()}, ⌈{Figures.Integer(input.Workload.TotalRps)} rps / {Figures.Integer(PlanningConstants.RouterBudgetRps)} rps per router⌉)";
        if (input.Sites > 1)
        {
            // Every site routes its own clients, and an even count per site keeps the sites symmetric.
            routers = Rounding.CeilDiv(Math.Max(routers, input.Sites), input.Sites) * input.Sites;
            expression += $", rounded up to a multiple of {input.Sites} sites";
        }

        input.Log.Formula("routers", expression, Figures.Integer(routers));
        return routers;
    }
}
