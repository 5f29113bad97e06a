using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>
/// Token usage and model calls per phase, filled by <see cref="UsageAccountingChatClient"/>. A call's usage is what
/// the provider reported (OpenAI's <c>usage</c>, Ollama's <c>prompt_eval_count</c>/<c>eval_count</c>) or, when it
/// reported nothing, what <see cref="ModelLimitsChatClient"/> counted of what was really sent (messages, response
/// schema and tools); such calls are marked <see cref="EstimatedKey"/> and counted apart, so bundle.json can say which.
/// </summary>
public sealed class UsageLedger
{
    /// <summary>The <see cref="UsageDetails.AdditionalCounts"/> key that marks usage we counted rather than the provider reported.</summary>
    public const string EstimatedKey = "tarantool_agents.estimated";

    private readonly ConcurrentDictionary<string, PhaseUsage> _phases = new(StringComparer.Ordinal);

    public void Record(string phase, UsageDetails? usage)
    {
        var estimated = usage is null || usage.AdditionalCounts?.ContainsKey(EstimatedKey) == true ? 1 : 0;
        _phases.AddOrUpdate(
            phase,
            _ => new PhaseUsage(1, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, estimated),
            (_, current) => new PhaseUsage(
                current.Calls + 1, current.InputTokens + (usage?.InputTokenCount ?? 0), current.OutputTokens + (usage?.OutputTokenCount ?? 0),
                current.EstimatedCalls + estimated));
    }

    public PhaseUsage For(string phase) => _phases.GetValueOrDefault(phase, PhaseUsage.None);

    public long TotalTokens => _phases.Values.Sum(p => p.InputTokens + p.OutputTokens);

    public int TotalCalls => _phases.Values.Sum(p => p.Calls);

    /// <summary><c>reported</c>, <c>estimated</c> or <c>mixed</c> over every call of the run; null before the first call.</summary>
    public string? Source => UsageSources.Of(TotalCalls, _phases.Values.Sum(p => p.EstimatedCalls));
}

/// <param name="EstimatedCalls">Calls whose usage the provider did not report, charged what was counted instead.</param>
public sealed record PhaseUsage(int Calls, long InputTokens, long OutputTokens, int EstimatedCalls = 0)
{
    public static readonly PhaseUsage None = new(0, 0, 0);

    /// <summary><c>reported</c>, <c>estimated</c> or <c>mixed</c>; null for no calls.</summary>
    public string? Source => UsageSources.Of(Calls, EstimatedCalls);
}
