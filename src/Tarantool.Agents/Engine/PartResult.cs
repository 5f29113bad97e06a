using Tarantool.Agents.Models;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Engine;

/// <summary>How one part of a split phase went: its own answers, usage and, when it failed, its errors.</summary>
public sealed record PartResult
{
    public required string Key { get; init; }
    public required PhaseStatus Status { get; init; }
    public int Attempts { get; init; }
    public long DurationMs { get; init; }
    public PhaseUsage Usage { get; init; } = PhaseUsage.None;

    /// <summary>True when the part came from its checkpoint (resume) without asking the model.</summary>
    public bool Reused { get; init; }

    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];

    /// <summary>Why the part failed, for people.</summary>
    public string? Reason { get; init; }
}
