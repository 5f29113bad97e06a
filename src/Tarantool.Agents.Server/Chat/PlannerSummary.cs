using System.Text;
using Tarantool.Agents.Bundle.Summary;
using Tarantool.Agents.Conversation;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Server.Runs;

namespace Tarantool.Agents.Server.Chat;

/// <summary>
/// The reply after a run: the cluster's shape and key figures (from the capacity plan the run wrote), warnings,
/// the run id and links to the bundle and its main files, in the user's language. The bundle link is also what a
/// follow-up reads back to find the run it builds on.
/// </summary>
internal static class PlannerSummary
{
    public static string Write(ConversationOutcome outcome, RunInfo run, string? bundlePath, string baseUrl)
    {
        var ru = outcome.Language == Language.Ru;
        string T(string en, string rus) => ru ? rus : en;
        var text = new StringBuilder();
        // The same facts, in the same words, as MCP's plan_cluster and the CLI give (BundleSummaryText), in Markdown.
        var summary = Summarise(outcome, run, bundlePath);
        const BundleSummaryFormat markdown = BundleSummaryFormat.Markdown;
        if (summary is not null) text.Append(BundleSummaryText.Headline(summary, markdown)).Append("\n\n");

        if (ConversationReplies.Changes(outcome) is { } changes) text.Append(changes).Append("\n\n");

        if (summary is not null)
        {
            foreach (var part in new[] { BundleSummaryText.Shape(summary, markdown), BundleSummaryText.KeyFigures(summary, markdown), BundleSummaryText.Warnings(summary, markdown) })
                if (part is not null) text.Append(part).Append("\n\n");
        }

        foreach (var note in ConversationReplies.Notes(outcome)) text.Append(note).Append("\n\n");

        var succeeded = run.Phases.Count(p => p.Status == RunStatus.Succeeded);
        var reused = run.Phases.Count(p => p.Reused);
        text.Append(T("**Run:** ", "**Запуск:** ")).Append($"`{run.Id}` — {run.Status}, ")
            .Append(T($"{succeeded}/{run.Phases.Count} phases succeeded", $"фаз выполнено: {succeeded} из {run.Phases.Count}"));
        if (reused > 0 && run.ReusedFrom is not null)
            text.Append(T($", {reused} reused from `{run.ReusedFrom}`", $", из них {reused} взяты из `{run.ReusedFrom}`"));
        text.Append('.');
        if (run.Error is not null) text.Append(' ').Append(T("Error: ", "Ошибка: ")).Append(run.Error);
        text.Append("\n\n");

        var root = baseUrl.TrimEnd('/');
        text.Append(T("**Bundle:** ", "**Комплект:** ")).Append(root).Append(PreviousRun.BundlePath(run.Id)).Append("\n\n");
        var files = bundlePath is null ? [] : BundleSummary.MainFilesIn(bundlePath);
        if (files.Count > 0)
        {
            text.Append(T("**Main files:**", "**Основные файлы:**")).Append('\n');
            foreach (var file in files) text.Append($"- [{file}]({root}/v1/runs/{run.Id}/files/{file})\n");
        }

        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>
    /// The summary of the run: from its request (the conversation's, which a follow-up changed) and the capacity plan
    /// it wrote, with the run's phases and warnings as the runs API reports them (the bundle may be incomplete).
    /// </summary>
    private static BundleSummary? Summarise(ConversationOutcome outcome, RunInfo run, string? bundlePath)
    {
        if (outcome.Intake?.Request is not { } request) return null;
        var phases = run.Phases.Select(p => new BundleSummaryPhase(p.Id, p.Key, p.Status, p.Reason)).ToList();
        var plan = bundlePath is null ? null : BundleSummary.ReadPlan(bundlePath);
        return new BundleSummary(run.Status, outcome.Language, request, plan, phases, run.Warnings, []);
    }
}
