using System.Text.Json;
using Tarantool.Agents.Bundle;

namespace Tarantool.Agents.Server.Runs;

/// <summary>A run as clients see it.</summary>
/// <param name="Status">One of <see cref="RunStatus"/>.</param>
/// <param name="Request">The resolved request, exactly as <c>bundle.json</c> holds it.</param>
/// <param name="Language"><c>en</c> or <c>ru</c>.</param>
/// <param name="Warnings">The intake's warnings while the run is under way, <c>bundle.json</c>'s once it is written.</param>
/// <param name="Error">Why the run failed, for people; null otherwise.</param>
/// <param name="ReusedFrom">The run whose completed phases this one was offered for reuse.</param>
public sealed record RunInfo(
    string Id,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonElement Request,
    string Language,
    IReadOnlyList<RunPhase> Phases,
    IReadOnlyList<RunWarning> Warnings,
    string? Error,
    string? ReusedFrom);
