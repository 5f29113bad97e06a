using System.Text.Json;
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
    /// <summary>True when the request was built and nothing is wrong with it.</summary>
    public bool IsValid => Errors.Count == 0 && Request is not null;

    /// <summary>
    /// <c>{"language":"en","request":{...},"sources":{"clusterName":"flag",...},"errors":[...]}</c>
    /// in the project's JSON dialect; <c>request</c> is written as null when it could not be built.
    /// </summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new IntakeResultDocument(Language, Request, Sources, Errors), JsonDefaults.Indented);
}
