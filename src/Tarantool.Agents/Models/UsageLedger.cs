using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace Tarantool.Agents.Models;

/// <summary>Token usage and model calls per phase, filled by <see cref="UsageAccountingChatClient"/>.</summary>
public sealed class UsageLedger
{
    private readonly ConcurrentDictionary<string, PhaseUsage> _phases = new(StringComparer.Ordinal);

    public void Record(string phase, UsageDetails? usage) =>
        _phases.AddOrUpdate(
            phase,
            _ => new PhaseUsage(1, usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0),
            (_, current) => new PhaseUsage(current.Calls + 1, current.InputTokens + (usage?.InputTokenCount ?? 0), current.OutputTokens + (usage?.OutputTokenCount ?? 0)));

    public PhaseUsage For(string phase) => _phases.GetValueOrDefault(phase, PhaseUsage.None);

    public long TotalTokens => _phases.Values.Sum(p => p.InputTokens + p.OutputTokens);

    public int TotalCalls => _phases.Values.Sum(p => p.Calls);
}

public sealed record PhaseUsage(int Calls, long InputTokens, long OutputTokens)
{
    public static readonly PhaseUsage None = new(0, 0, 0);
}
