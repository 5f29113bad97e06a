namespace Tarantool.Agents.Requests;

/// <summary>The Tarantool storage engine for the bulk of the data.</summary>
public enum StorageEngine
{
    Memtx,
    Vinyl,
}
