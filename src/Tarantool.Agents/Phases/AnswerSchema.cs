using System.Text.Json;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Phases;

/// <summary>
/// Builds the JSON schema a model answers with: every property required, no additional properties (OpenAI's strict
/// rules), each field's <c>[Description]</c> as its <c>description</c> and each <see cref="OneOfAttribute"/> list as
/// its <c>enum</c>.
/// </summary>
internal static class AnswerSchema
{
    private static readonly AIJsonSchemaCreateOptions Options = new()
    {
        TransformOptions = new() { DisallowAdditionalProperties = true, RequireAllProperties = true },
    };

    public static JsonElement For(Type answerType, string description) =>
        AIJsonUtilities.CreateJsonSchema(answerType, description: description, serializerOptions: JsonDefaults.Indented, inferenceOptions: Options);
}
