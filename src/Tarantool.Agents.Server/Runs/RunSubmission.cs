namespace Tarantool.Agents.Server.Runs;

/// <summary>What a client asks to run: a request in the batch file's shape.</summary>
/// <param name="Parameters">Keyed by the batch file's kebab-case names (<c>cluster-name</c>, <c>cluster-type</c>, ...,
/// <c>rpo</c>, <c>rto</c>; see <see cref="Tarantool.Agents.Intake.RequestParameters.Names"/>), values as typed.</param>
/// <param name="Description">The cluster description in English or Russian (may be empty when the parameters say it all).</param>
/// <param name="Language"><c>auto</c> (or null), <c>en</c> or <c>ru</c>.</param>
/// <param name="ReuseFrom">A previous run's id: its completed phases are reused when their inputs are unchanged, and
/// <c>bundle.json</c> marks them <c>reused: true</c>.</param>
public sealed record RunSubmission(
    IReadOnlyDictionary<string, string> Parameters,
    string Description,
    string? Language = null,
    string? ReuseFrom = null);
