using Tarantool.Agents.Narratives;
using Tarantool.Agents.Requests;
using static Tarantool.Agents.Expert.CapacityPlanning.PlanningConstants;

namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>
/// Sizes CPU. Tarantool runs all transactions in one TX thread, so a core per instance is the ceiling of its
/// throughput; WAL, iproto and relay threads need a second core, vinyl adds dump and compaction threads.
/// </summary>
internal static class CpuPlanner
{
    public static CpuFigures Plan(PlanningInputs input, StorageEngine engine, int members)
    {
        var (w, log) = (input.Workload, input.Log);
        var writers = input.IsTrueMasterMaster ? members : input.Shards;
        var leaderRps = Rounding.CeilDiv(w.TotalRps, writers);
        log.Formula("leaderRps",
            input.IsTrueMasterMaster
                ? $"({Figures.Integer(w.ReadRps)} + {Figures.Integer(w.WriteRps)}) rps / {members} masters"
                : $"({Figures.Integer(w.ReadRps)} + {Figures.Integer(w.WriteRps)}) rps / {input.Shards} leader(s), reads served by leaders",
            Units.Rps(leaderRps));

        var budget = engine == StorageEngine.Vinyl ? TxBudgetVinylRps : TxBudgetMemtxRps;
        var busy = leaderRps * 2 > budget;
        var vinylThreads = engine == StorageEngine.Vinyl ? 2 : 0;
        var production = input.IsProduction ? 1 : 0;
        var cpu = 2 + vinylThreads + production + (busy ? 1 : 0);
        log.Formula("cpuPerStorageInstance",
            $"1 TX + 1 WAL/iproto/relay + {vinylThreads} vinyl dump/compaction + {production} production reserve (checkpoints, backups) + {(busy ? 1 : 0)} second iproto thread (leader above half the {Figures.Integer(budget)} rps TX budget)",
            Figures.Integer(cpu));

        var router = input.Request.Environment == DeploymentEnvironment.Development ? 1 : 2;
        log.Formula("cpuPerRouter", input.Request.Environment == DeploymentEnvironment.Development
            ? "1 TX thread (development)" : "1 TX + 1 iproto/network", Figures.Integer(router));
        return new CpuFigures(cpu, router, leaderRps, budget);
    }
}
