using System.Text.Json;
using Tarantool.Agents.Bundle;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Engine;

/// <summary>
/// Checkpoints as one JSON file per phase in a folder, each written atomically; the parts of a split phase
/// (keys such as <c>documentation/setup</c>) in a subfolder named after their phase.
/// </summary>
public sealed class FileCheckpointStore(string directory) : ICheckpointStore
{
    public string Directory { get; } = directory;

    public async Task<PhaseCheckpoint?> LoadAsync(string phaseKey, CancellationToken cancellationToken = default)
    {
        var path = PathOf(phaseKey);
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path);
            var checkpoint = await JsonSerializer.DeserializeAsync<PhaseCheckpoint>(stream, JsonDefaults.Indented, cancellationToken).ConfigureAwait(false);
            return checkpoint is { Version: PhaseCheckpoint.CurrentVersion } && checkpoint.PhaseKey == phaseKey ? checkpoint : null;
        }
        catch (JsonException)
        {
            // A damaged checkpoint only costs a re-run of its phase.
            return null;
        }
    }

    public Task SaveAsync(PhaseCheckpoint checkpoint, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAllTextAsync(PathOf(checkpoint.PhaseKey), JsonSerializer.Serialize(checkpoint, JsonDefaults.Indented) + "\n", cancellationToken);

    public Task ClearAsync(CancellationToken cancellationToken = default)
    {
        if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    private string PathOf(string phaseKey) => Path.Combine(Directory, phaseKey + ".json");
}
