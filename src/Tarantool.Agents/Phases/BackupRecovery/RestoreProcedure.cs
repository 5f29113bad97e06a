using System.ComponentModel;

namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>How to recover from one kind of failure, with real commands.</summary>
public sealed record RestoreProcedure(
    [property: Description("Stable key of the failure: lost-replica, lost-leader, lost-replicaset, logical-corruption, lost-site (multi-region only); optionally lost-router.")] string Failure,
    [property: Description("A short human title of the procedure.")] string Title,
    [property: Description("Ordered steps with real commands.")] IReadOnlyList<string> Steps,
    [property: Description("Seconds from the start of the procedure until service (or, for a lost replica, redundancy) is restored; never more than the plan's RTO.")] int ExpectedRtoSeconds);
