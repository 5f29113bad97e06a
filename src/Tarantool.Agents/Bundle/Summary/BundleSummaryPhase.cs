namespace Tarantool.Agents.Bundle.Summary;

/// <summary>How one phase of a summarised run ended.</summary>
/// <param name="Status"><c>succeeded</c>, <c>failed</c>, <c>skipped</c>, or a run's <c>pending</c>/<c>running</c>.</param>
/// <param name="Reason">Why it did not succeed; null when it did.</param>
internal sealed record BundleSummaryPhase(int Id, string Key, string Status, string? Reason);
