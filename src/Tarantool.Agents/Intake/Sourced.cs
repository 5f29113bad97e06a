using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>A resolved value and where it came from.</summary>
internal sealed record Sourced<T>(T Value, ValueSource Source);
