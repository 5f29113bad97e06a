namespace Tarantool.Agents.Server.Runs;

/// <summary>What <see cref="IRunStore.CancelAsync"/> did.</summary>
public enum CancelOutcome
{
    /// <summary>No such run, or it had already finished.</summary>
    NotActive,

    /// <summary>The run was queued and is now cancelled.</summary>
    Cancelled,

    /// <summary>The run is running; its owner was asked to stop it.</summary>
    Requested,
}
