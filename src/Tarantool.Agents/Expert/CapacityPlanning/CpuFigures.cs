namespace Tarantool.Agents.Expert.CapacityPlanning;

/// <summary>CPU decisions and the load check behind them.</summary>
/// <param name="LeaderRps">Requests per second the busiest writable instance serves.</param>
/// <param name="TxBudgetRps">What one TX thread is planned to serve.</param>
internal sealed record CpuFigures(int CpuPerStorageInstance, int CpuPerRouter, int LeaderRps, int TxBudgetRps)
{
    public bool OverBudget => LeaderRps > TxBudgetRps;
}
