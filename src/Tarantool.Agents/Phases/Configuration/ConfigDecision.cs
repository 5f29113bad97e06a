namespace Tarantool.Agents.Phases.Configuration;

/// <param name="Topic">What the decision is about, e.g. <c>wal.mode</c>, <c>metrics</c>.</param>
/// <param name="Choice">The value or approach chosen.</param>
/// <param name="Reason">Why, in terms of the request and the input plans.</param>
public sealed record ConfigDecision(string Topic, string Choice, string Reason);
