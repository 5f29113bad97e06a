using System.Text.Json.Serialization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>The JSON shape of <see cref="IntakeResult"/>, without its computed members.</summary>
internal sealed record IntakeResultDocument(
    Language Language,
    // Written even when null: a reader should see that the request could not be built, not a missing key.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ClusterRequest? Request,
    IReadOnlyDictionary<string, ValueSource> Sources,
    IReadOnlyList<string> Errors);
