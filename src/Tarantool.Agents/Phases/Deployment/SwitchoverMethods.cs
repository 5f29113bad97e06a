namespace Tarantool.Agents.Phases.Deployment;

/// <summary>The ways a rolling update moves the lead off an instance before restarting it.</summary>
public static class SwitchoverMethods
{
    public const string Promote = "promote";
    public const string ConfigLeader = "config-leader";
    public const string ReadOnlyWindow = "read-only-window";
    public const string FailoverPromote = "failover-promote";
    public const string FailoverPriority = "failover-priority";
    public const string None = "none";

    public static readonly IReadOnlyList<string> All = [Promote, ConfigLeader, ReadOnlyWindow, FailoverPromote, FailoverPriority, None];
}
