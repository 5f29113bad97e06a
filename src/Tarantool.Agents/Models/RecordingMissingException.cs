namespace Tarantool.Agents.Models;

/// <summary>Replay mode met a request with no recorded answer.</summary>
public sealed class RecordingMissingException()
    : Exception("no recorded answer matches this request (replay mode); record the run again with Model:Cache:Mode=record");
