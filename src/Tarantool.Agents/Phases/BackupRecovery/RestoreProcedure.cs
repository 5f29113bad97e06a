namespace Tarantool.Agents.Phases.BackupRecovery;

/// <summary>How to recover from one kind of failure, with real commands.</summary>
/// <param name="Failure">Stable key of the failure: <c>lost-replica</c>, <c>lost-leader</c>, <c>lost-replicaset</c>,
/// <c>logical-corruption</c>, <c>lost-site</c> (multi-region only); optionally <c>lost-router</c>.</param>
/// <param name="Title">A short human title of the procedure.</param>
/// <param name="Steps">Ordered steps with real commands.</param>
/// <param name="ExpectedRtoSeconds">Seconds from the start of the procedure until service (or, for a lost replica,
/// redundancy) is restored; never more than the plan's RTO.</param>
public sealed record RestoreProcedure(string Failure, string Title, IReadOnlyList<string> Steps, int ExpectedRtoSeconds);
