namespace Tarantool.Agents.Expert.BackupRecovery;

/// <summary>An expected recovery time and the arithmetic behind it, for the narrative.</summary>
/// <param name="Formula">The sum with its terms named and substituted, e.g. <c>600 s provision + 50 s download = 650 s</c>.</param>
/// <param name="FormulaRu">The same sum with Russian term names.</param>
public sealed record RecoveryEstimate(string Failure, int Seconds, string Formula, string FormulaRu);
