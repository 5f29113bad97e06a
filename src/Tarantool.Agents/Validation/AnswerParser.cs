using System.Text.Json;

namespace Tarantool.Agents.Validation;

/// <summary>
/// Finds the JSON object in a model's answer. Models wrap JSON in code fences, write a sentence before it, or
/// echo the schema back; the first top-level object that has an <c>output</c> property wins.
/// </summary>
public static class AnswerParser
{
    public static bool TryParse(string text, out JsonElement answer, out string error) => TryParse(text, ["output", "Output"], out answer, out error);

    /// <summary>
    /// Finds the first top-level object that has one of <paramref name="keys"/>: a repair that asks for some parts
    /// of an answer (the narrative alone, say) gets an object without <c>output</c>.
    /// </summary>
    public static bool TryParse(string text, IReadOnlyCollection<string> keys, out JsonElement answer, out string error)
    {
        answer = default;
        var shape = keys.Contains("output") && keys.Contains("Output")
            ? "{\"output\": {...}, \"narrative\": \"...\"}"
            : "{" + string.Join(", ", keys.Select(k => $"\"{k}\": ...")) + "}";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "The answer is empty.";
            return false;
        }

        var sawObject = false;
        var outermostBroken = false;
        for (var start = text.IndexOf('{'); start >= 0; start = text.IndexOf('{', start + 1))
        {
            if (!TryReadObject(text, start, out var element, out var end))
            {
                // Objects nested in a broken (e.g. truncated) answer are not the answer.
                outermostBroken |= !sawObject;
                continue;
            }

            sawObject = true;
            if (keys.Any(key => element.TryGetProperty(key, out _)))
            {
                answer = element;
                error = "";
                return true;
            }

            start = end - 1;
        }

        error = sawObject && !outermostBroken
            ? $"The answer's JSON has no \"{keys.First()}\" property; answer with {shape}."
            : $"The answer contains no complete JSON object; answer with {shape} only.";
        return false;
    }

    private static bool TryReadObject(string text, int start, out JsonElement element, out int end)
    {
        element = default;
        end = start;
        try
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text[start..]);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            element = doc.RootElement.Clone();
            end = start + System.Text.Encoding.UTF8.GetCharCount(bytes.AsSpan(0, (int)reader.BytesConsumed));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
