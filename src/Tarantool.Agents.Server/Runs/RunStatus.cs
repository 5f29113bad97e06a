namespace Tarantool.Agents.Server.Runs;

/// <summary>The states of a run, as the API spells them.</summary>
public static class RunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    /// <summary>True for the states a run never leaves.</summary>
    public static bool IsFinal(string status) => status is Succeeded or Failed or Cancelled;
}
