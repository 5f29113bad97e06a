namespace Tarantool.Agents.Server.Runs;

/// <summary>What renewing a lease found.</summary>
public enum LeaseState
{
    /// <summary>Still ours; carry on.</summary>
    Held,

    /// <summary>Still ours, and a client asked to cancel the run: stop it and record it cancelled.</summary>
    CancelRequested,

    /// <summary>No longer ours (it expired and another instance claimed the run): stop without writing.</summary>
    Lost,
}
