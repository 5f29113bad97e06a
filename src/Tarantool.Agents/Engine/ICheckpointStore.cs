namespace Tarantool.Agents.Engine;

/// <summary>Where completed phases are kept so an interrupted run can resume.</summary>
public interface ICheckpointStore
{
    Task<PhaseCheckpoint?> LoadAsync(string phaseKey, CancellationToken cancellationToken = default);

    Task SaveAsync(PhaseCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Removes every checkpoint (after a run that completed).</summary>
    Task ClearAsync(CancellationToken cancellationToken = default);
}
