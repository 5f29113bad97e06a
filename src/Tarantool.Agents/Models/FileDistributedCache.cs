using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Tarantool.Agents.Bundle;

namespace Tarantool.Agents.Models;

/// <summary>
/// An <see cref="IDistributedCache"/> over a folder: one file per key (named by the key's SHA-256), written atomically,
/// never expiring — recordings are data that a test suite or a team keeps under version control.
/// </summary>
public sealed class FileDistributedCache(string directory) : IDistributedCache
{
    public string Directory { get; } = Path.GetFullPath(directory);

    public byte[]? Get(string key) => File.Exists(PathOf(key)) ? File.ReadAllBytes(PathOf(key)) : null;

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        File.Exists(PathOf(key)) ? await File.ReadAllBytesAsync(PathOf(key), token).ConfigureAwait(false) : null;

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        AtomicFile.WriteAllTextAsync(PathOf(key), Encoding.UTF8.GetString(value), token);

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key)
    {
        if (File.Exists(PathOf(key))) File.Delete(PathOf(key));
    }

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    private string PathOf(string key) =>
        Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");
}
