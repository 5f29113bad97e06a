namespace Tarantool.Agents.Models;

/// <summary>The model endpoint described itself in a way that cannot work (garbage, an unknown model, contradicting limits).</summary>
public sealed class ModelEndpointException(string message) : Exception(message);
