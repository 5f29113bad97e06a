using System.Text.Json.Serialization;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Intake;

/// <summary>The JSON shape of <see cref="IntakeResult"/>, without its computed members.</summary>
internal sealed record IntakeResultDocument(
    Language Language,
    // The built request, or the fields that resolved when it could not be built; never a missing key.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] object? Request,
    IReadOnlyDictionary<string, ValueSource> Sources,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Warnings);
