using System.Text.Json;
using System.Text.Json.Nodes;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Intake;

/// <summary>
/// The outcome of intake: the narrative language, the resolved request (null when a required field is missing),
/// where each resolved field came from, and every problem found, each saying what to change.
/// </summary>
/// <param name="Sources">Keyed by the request's camelCase field name ("clusterName", "dataSizeGb").</param>
public sealed record IntakeResult(
    Language Language,
    ClusterRequest? Request,
    IReadOnlyDictionary<string, ValueSource> Sources,
    IReadOnlyList<string> Errors)
{
    /// <summary>
    /// What intake found but could not use as written: a figure it could not attribute to a field, two different
    /// values for one figure (the first is used), a value outside a sane range (not used). In English, like
    /// <see cref="Errors"/>, quoting the user's words. Warnings never stop a run; they are printed before it.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The warnings of <see cref="Warnings"/> about the model's reading of the description (LLM-backed intake).</summary>
    public IReadOnlyList<string> ModelWarnings { get; init; } = [];

    /// <summary>
    /// The provider's failure when intake's model call found the endpoint itself unusable (unreachable, key or model
    /// refused): a run need not call it again (<see cref="Models.KnownFailureChatClient"/>).
    /// </summary>
    public Exception? ModelEndpointFailure { get; init; }

    /// <summary>When <see cref="Request"/> could not be built: the fields that did resolve, for the JSON output.</summary>
    internal JsonObject? PartialRequest { get; init; }

    /// <summary>True when the request was built and nothing is wrong with it.</summary>
    public bool IsValid => Errors.Count == 0 && Request is not null;

    /// <summary>
    /// <c>{"language":"en","request":{...},"sources":{"clusterName":"flag",...},"errors":[...],"warnings":[...]}</c>
    /// in the project's JSON dialect; when the request could not be built, <c>request</c> holds the fields that did
    /// resolve (the missing required ones are absent) and <c>errors</c> says what to add.
    /// </summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new IntakeResultDocument(Language, (object?)Request ?? PartialRequest, Sources, Errors, Warnings), JsonDefaults.Indented);
}
