namespace Tarantool.Agents.Bundle;

/// <summary>The output folder cannot be used as asked; the message says why and what to do.</summary>
public sealed class OutputDirectoryException(string message) : Exception(message);
