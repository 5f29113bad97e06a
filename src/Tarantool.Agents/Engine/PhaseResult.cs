using System.Text.Json;
using Tarantool.Agents.Models;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;

namespace Tarantool.Agents.Engine;

/// <summary>What one phase produced: its typed output, narrative, files and how it got there.</summary>
public sealed record PhaseResult
{
    public required PhasePrompt Phase { get; init; }
    public required PhaseStatus Status { get; init; }
    public int Attempts { get; init; }
    public long DurationMs { get; init; }
    public PhaseUsage Usage { get; init; } = PhaseUsage.None;

    /// <summary>True when the result came from a checkpoint (resume) without asking the model.</summary>
    public bool Reused { get; init; }

    /// <summary>Hash of everything the phase was asked (prompt, agent, model): resume reuses a checkpoint only when it matches.</summary>
    public string InputHash { get; init; } = "";

    public object? Output { get; init; }
    public JsonElement? OutputJson { get; init; }
    public string Narrative { get; init; } = "";
    public IReadOnlyList<BundleFile> Files { get; init; } = [];
    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];
    public IReadOnlyList<ValidationIssue> Warnings { get; init; } = [];

    /// <summary>The parts of a split phase in assembly order (empty for a phase asked in one call); the frame's own
    /// call is the phase's, so <see cref="Usage"/> and <see cref="Attempts"/> count the parts and the frame together.</summary>
    public IReadOnlyList<PartResult> Parts { get; init; } = [];

    /// <summary>Why the phase failed or was skipped, for people.</summary>
    public string? Reason { get; init; }
}
