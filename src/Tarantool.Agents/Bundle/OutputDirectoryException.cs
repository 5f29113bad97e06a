namespace Tarantool.Agents.Bundle;

/// <summary>The output folder cannot be used as asked; the message says why and what to do.</summary>
/// <param name="message">Why, and what to do.</param>
/// <param name="locked">True when the folder is fine but another run holds its lock (see <see cref="RunLock"/>).</param>
public sealed class OutputDirectoryException(string message, bool locked = false) : Exception(message)
{
    /// <summary>True when another run, still alive, holds the folder's lock: waiting for it is enough.</summary>
    public bool Locked { get; } = locked;
}
