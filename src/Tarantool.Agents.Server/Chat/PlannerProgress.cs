using System.Text.Json;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Chat;

/// <summary>One line per phase start and finish, in the user's language, for a streamed reply.</summary>
internal static class PlannerProgress
{
    public static string Started(string runId, Language language) => language == Language.Ru
        ? $"Запуск `{runId}` поставлен в очередь: десять фаз.\n"
        : $"Run `{runId}` queued: ten phases.\n";

    /// <summary>The line for a phase event, or null for events that are not a phase starting or finishing.</summary>
    public static string? Line(RunEvent runEvent, Language language)
    {
        var ru = language == Language.Ru;
        var data = runEvent.Data;
        var phase = $"{Number(data, "id"):00} {Text(data, "key")}";
        var reason = Text(data, "reason");
        return runEvent.Type switch
        {
            RunEventTypes.PhaseStarted => ru ? $"▶ {phase}: начата\n" : $"▶ {phase}: started\n",
            RunEventTypes.PhaseCompleted when Flag(data, "reused") => ru ? $"✓ {phase}: взята из прошлого запуска\n" : $"✓ {phase}: reused from the previous run\n",
            RunEventTypes.PhaseCompleted => ru ? $"✓ {phase}: готова (ответов модели: {Number(data, "attempts")})\n" : $"✓ {phase}: done ({Number(data, "attempts")} answer(s))\n",
            RunEventTypes.PhaseFailed => ru ? $"✗ {phase}: ошибка — {reason}\n" : $"✗ {phase}: failed — {reason}\n",
            RunEventTypes.PhaseSkipped => ru ? $"– {phase}: пропущена — {reason}\n" : $"– {phase}: skipped — {reason}\n",
            _ => null,
        };
    }

    private static long Number(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.TryGetInt64(out var n) ? n : 0;

    private static string Text(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static bool Flag(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
