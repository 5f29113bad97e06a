using System.Text.Json;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Serialization;

namespace Tarantool.Agents.Plugins;

/// <summary>
/// Reading tool arguments and writing tool results. A model's malformed JSON becomes a finding it can read and fix,
/// not an exception that ends the tool call.
/// </summary>
internal static class PluginJson
{
    public static bool TryRead<T>(string json, string what, out T? value, out ValidationIssue? problem) where T : class
    {
        value = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            problem = ValidationIssue.Error("input.missing", $"{what} is empty; pass it as JSON.");
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(json, JsonDefaults.Compact);
            if (value is null) problem = ValidationIssue.Error("input.invalid-json", $"{what} is null.");
        }
        catch (JsonException e)
        {
            problem = ValidationIssue.Error("input.invalid-json", $"{what} is not valid: {e.Message}");
        }

        return value is not null;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, JsonDefaults.Indented);

    public static string Error(ValidationIssue problem) => Write(new[] { problem });

    public static Language ParseLanguage(string? language) =>
        string.Equals(language?.Trim(), "ru", StringComparison.OrdinalIgnoreCase) ? Language.Ru : Language.En;
}
