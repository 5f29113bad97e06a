namespace Tarantool.Agents.Phases.Replication;

/// <param name="Key">Stable key: <c>upstream-stopped</c>, <c>lag-high</c>, <c>missing-xlog</c>,
/// <c>replication-conflict</c>, <c>no-leader</c>...</param>
/// <param name="Symptom">What the operator sees (error text, box.info.replication fields).</param>
/// <param name="Detection">How it is detected (alert, command) and with which threshold.</param>
/// <param name="Remedy">Ordered steps with real commands.</param>
/// <param name="Caveat">What can go wrong with the remedy.</param>
public sealed record ReplicationFailure(string Key, string Symptom, string Detection, IReadOnlyList<string> Remedy, string Caveat);
