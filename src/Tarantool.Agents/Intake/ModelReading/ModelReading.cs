namespace Tarantool.Agents.Intake;

/// <summary>
/// What a model read from the description for LLM-backed intake: raw values keyed by flag name
/// (<c>cluster-type</c> → <c>sharded</c>), checked by the same rules as flags; or why no reading is available.
/// </summary>
public sealed record ModelReading
{
    /// <summary>The values the model stated; fields it left null are absent.</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>();

    /// <summary>Why the model gave no usable reading (a provider error, an answer that is not the JSON asked for).</summary>
    public string? Failure { get; init; }

    /// <summary>
    /// The provider's failure when it concerns the endpoint itself (unreachable, key or model refused), which every
    /// later call would repeat; null for a failure of this one answer.
    /// </summary>
    public Exception? EndpointFailure { get; init; }

    public static ModelReading Failed(string reason, Exception? endpointFailure = null) => new() { Failure = reason, EndpointFailure = endpointFailure };
}
