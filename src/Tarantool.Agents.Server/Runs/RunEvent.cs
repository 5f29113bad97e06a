using System.Text.Json;

namespace Tarantool.Agents.Server.Runs;

/// <summary>One event of a run, as stored and as sent over Server-Sent Events.</summary>
/// <param name="Sequence">1..n within the run, without gaps; the SSE <c>id</c>.</param>
/// <param name="Type">One of <see cref="RunEventTypes"/>.</param>
/// <param name="Data">The event's JSON object (snake_case keys).</param>
public sealed record RunEvent(long Sequence, string Type, JsonElement Data);
