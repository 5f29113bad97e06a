namespace Tarantool.Agents.Models;

/// <summary>A call that can never fit the model (its prompt alone fills the context window); retrying cannot help.</summary>
public sealed class RequestTooLargeException(string message) : Exception(message);
