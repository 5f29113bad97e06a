using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Bundle;

/// <summary>
/// <c>bundle.json</c>: the one file of a bundle that holds run metadata (provider, timings, usage, attempts), so every
/// other file is byte-identical for the same request and the same model answers.
/// </summary>
public sealed record BundleManifest
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Status { get; init; }

    /// <summary>Every warning the user must see, from the intake and every phase (see <see cref="RunWarnings"/>).</summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    public required ClusterRequest Request { get; init; }
    public required IReadOnlyDictionary<string, ValueSource> Sources { get; init; }
    public required Language Language { get; init; }
    public required ProviderInfo Provider { get; init; }
    public required IReadOnlyList<PhaseEntry> Phases { get; init; }
    public required IReadOnlyList<ArtifactEntry> Artifacts { get; init; }
    public required IReadOnlyList<SuccessCriterion> SuccessCriteria { get; init; }
}

/// <param name="Limits">The model's limits this run kept every call within, and where they came from.</param>
public sealed record ProviderInfo(string Name, string Model, Models.ModelProfile? Limits = null)
{
    /// <summary>Where this run's token counts come from over all its calls: <c>reported</c>, <c>estimated</c> or <c>mixed</c> (see <see cref="UsageEntry.Source"/>).</summary>
    public string? Usage { get; init; }
}

public sealed record PhaseEntry
{
    public required int Id { get; init; }
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string Agent { get; init; }
    public required string Status { get; init; }

    /// <summary>Every warning the user must see, from the intake and every phase (see <see cref="RunWarnings"/>).</summary>
    public IReadOnlyList<RunWarning> Warnings { get; init; } = [];

    public required int Attempts { get; init; }
    public required long DurationMs { get; init; }
    public required bool Reused { get; init; }
    public required UsageEntry Usage { get; init; }
    public required IReadOnlyList<int> DependsOn { get; init; }
    public required IReadOnlyList<string> Outputs { get; init; }
    public required ValidationEntry Validation { get; init; }
    public string? Reason { get; init; }

    /// <summary>The calls a split phase was asked in, one per part, in assembly order (empty for a phase asked in one
    /// call); <see cref="Usage"/> and <see cref="Attempts"/> include them and the frame's call.</summary>
    public IReadOnlyList<PartEntry> Parts { get; init; } = [];
}

public sealed record PartEntry(string Key, string Status, int Attempts, long DurationMs, bool Reused, UsageEntry Usage, string? Reason);

public sealed record UsageEntry(int Calls, long InputTokens, long OutputTokens)
{
    /// <summary>
    /// Where the counts come from: <c>reported</c> by the provider, <c>estimated</c> (the provider reported nothing,
    /// so what was sent, schema and tools included, was counted with the tokenizer) or <c>mixed</c>; absent for a
    /// reused phase (its counts are an earlier run's) and for no calls.
    /// </summary>
    public string? Source { get; init; }
}

public sealed record ValidationEntry(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

public sealed record ArtifactEntry(string Path, string Kind, int Phase, string Sha256);

/// <param name="Status"><c>provided</c> (the files exist and passed the checks named in <paramref name="How"/>),
/// <c>incomplete</c> (a phase failed or a file is missing) or <c>verified</c> (a check ran against a cluster and passed).</param>
/// <param name="Provides">Bundle paths that deliver the criterion.</param>
/// <param name="Verified">True only when something was actually run and passed; generating files never sets it.</param>
/// <param name="How">Which checks the files passed, or why the criterion is incomplete.</param>
/// <param name="Verify">The command, run against the deployed cluster, that would verify the criterion.</param>
public sealed record SuccessCriterion(string Id, string Criterion, string Status, IReadOnlyList<string> Provides, bool Verified, string How, string Verify);
