namespace Tarantool.Agents.Server.Runs;

/// <summary>The run store cannot be used (its data dir is locked by another server, the database is unreachable, ...).</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
