namespace Tarantool.Agents.Models;

/// <summary>
/// A file-backed cache of model answers keyed by the full request (messages, options, provider and model), bound from
/// <c>Model:Cache</c>. Record a run against a real LLM once (<c>record</c>), then replay it byte for byte
/// (<c>replay</c>: a request that was not recorded fails instead of reaching the model).
/// </summary>
public sealed class ResponseCacheOptions
{
    public const string Off = "off";
    public const string Record = "record";
    public const string Replay = "replay";

    /// <summary>off (default), record (answer from the cache, ask the model on a miss and keep the answer) or replay.</summary>
    public string Mode { get; set; } = Off;

    /// <summary>Folder of the recorded answers; required unless the mode is off.</summary>
    public string? Directory { get; set; }

    public bool Enabled => Mode != Off;
}
