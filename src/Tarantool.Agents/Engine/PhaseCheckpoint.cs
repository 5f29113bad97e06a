using System.Text.Json;
using Tarantool.Agents.Phases;

namespace Tarantool.Agents.Engine;

/// <summary>A completed phase as persisted between runs.</summary>
public sealed record PhaseCheckpoint
{
    /// <summary>Bumped when the checkpoint format changes; older checkpoints are ignored.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string PhaseKey { get; init; }
    public required string Output { get; init; }
    public required string InputHash { get; init; }
    public required int Attempts { get; init; }
    public required long DurationMs { get; init; }
    public required int Calls { get; init; }
    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }
    public required JsonElement OutputJson { get; init; }
    public required string Narrative { get; init; }
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>A split phase's parts as they completed (a part's own checkpoint has none).</summary>
    public IReadOnlyList<PartResult> Parts { get; init; } = [];
}
