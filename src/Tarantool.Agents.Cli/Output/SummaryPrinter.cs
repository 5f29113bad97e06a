using Spectre.Console;
using Tarantool.Agents.Bundle.Summary;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Requests;

namespace Tarantool.Agents.Cli.Output;

/// <summary>The end of a run: phases, validation results and where the key files are.</summary>
internal static class SummaryPrinter
{
    private static readonly string[] KeyFiles =
    [
        "bundle.json", "tarantool/config.yaml", "tarantool/instances.yml", "phases/", "monitoring/alerts.yml",
        "kubernetes/kustomization.yaml", "systemd/", "backup/", "dr/", "docs/", "deploy/ansible/",
    ];

    public static void Print(CliEnvironment environment, BundleWritten written)
    {
        var manifest = written.Manifest;
        var succeeded = manifest.Phases.Count(p => p.Status == "succeeded");
        var errors = manifest.Phases.Sum(p => p.Validation.Errors.Count);
        var warnings = manifest.Warnings.Count;
        var paths = manifest.Artifacts.Select(a => a.Path).Append("bundle.json").ToList();
        var keyFiles = KeyFiles.Where(k => paths.Any(p => p == k || p.StartsWith(k, StringComparison.Ordinal))).ToList();
        var relativeRoot = Path.GetRelativePath(Directory.GetCurrentDirectory(), written.Root);

        // The design in the words chat and MCP use (BundleSummaryText); in English, the terminal's language.
        var summary = BundleSummary.From(manifest, written.Root) with { Language = Language.En };
        var lines = new List<string> { BundleSummaryText.Headline(summary, BundleSummaryFormat.PlainText) };
        lines.AddRange(new[] { BundleSummaryText.Shape(summary, BundleSummaryFormat.PlainText), BundleSummaryText.KeyFigures(summary, BundleSummaryFormat.PlainText) }.OfType<string>());
        lines.AddRange(
        [
            $"Bundle {manifest.Status}: {succeeded}/{manifest.Phases.Count} phases succeeded, {errors} validation error(s), {warnings} warning(s).",
            $"Written to {relativeRoot}/ ({manifest.Artifacts.Count} files, language {manifest.Language.ToString().ToLowerInvariant()}, provider {manifest.Provider.Name}).",
            "Key files: " + string.Join(", ", keyFiles),
        ]);
        // The warnings themselves, not only their count: a design that does not fit must not pass unnoticed.
        lines.AddRange(manifest.Warnings.Select(w => $"  warning [{w.Source}] {w.Message}"));
        lines.AddRange(manifest.Phases.Where(p => p.Status != "succeeded").Select(p => $"  {p.Id:00} {p.Key}: {p.Status} — {p.Reason}"));
        if (manifest.Status != "succeeded") lines.Add("Fix the cause and run again with --resume to reuse the completed phases.");

        if (!environment.RichOutput)
        {
            foreach (var line in lines) environment.Out.WriteLine(line);
            return;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out) });
        var table = new Table().AddColumn("#").AddColumn("phase").AddColumn("agent").AddColumn("status").AddColumn("attempts").AddColumn("files");
        foreach (var phase in manifest.Phases)
        {
            var colour = phase.Status == "succeeded" ? "green" : phase.Status == "failed" ? "red" : "yellow";
            table.AddRow($"{phase.Id}", Markup.Escape(phase.Key), Markup.Escape(phase.Agent), $"[{colour}]{phase.Status}[/]", $"{phase.Attempts}", $"{phase.Outputs.Count}");
        }

        console.Write(table);
        foreach (var line in lines) console.MarkupLine(Markup.Escape(line));
    }
}
