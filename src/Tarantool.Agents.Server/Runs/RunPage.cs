namespace Tarantool.Agents.Server.Runs;

/// <summary>A page of runs, newest first.</summary>
/// <param name="Next">The id to pass as <c>after</c> for the next page, or null on the last page.</param>
public sealed record RunPage(IReadOnlyList<RunInfo> Data, bool HasMore, string? Next);
