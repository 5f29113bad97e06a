namespace Tarantool.Agents.Server.Runs;

/// <summary>One phase of a run.</summary>
/// <param name="Status"><c>pending</c>, <c>running</c>, <c>succeeded</c>, <c>failed</c> or <c>skipped</c>.</param>
/// <param name="Attempts">Answers the model gave (the first plus repairs).</param>
/// <param name="Reused">True when the phase came from a checkpoint (a resumed run, or <c>ReuseFrom</c>) without asking the model.</param>
/// <param name="Reason">Why the phase failed or was skipped.</param>
public sealed record RunPhase(int Id, string Key, string Name, string Status, int Attempts, bool Reused, RunUsage Usage, string? Reason = null)
{
    public const string Pending = "pending";
    public const string Running = "running";
}
