using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tarantool.Agents.Server.Runs;

/// <summary>The runs API's JSON: snake_case keys (as OpenAI's API), Cyrillic kept readable.</summary>
internal static class RunJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static JsonElement Element<T>(T value) => JsonSerializer.SerializeToElement(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            // JSON responses only (never HTML): quotes and Cyrillic stay readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
