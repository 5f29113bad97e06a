using Spectre.Console;
using Tarantool.Agents.Engine;

namespace Tarantool.Agents.Cli.Output;

/// <summary>Shows each phase starting and finishing: coloured on a terminal, plain lines otherwise.</summary>
internal sealed class ProgressPrinter(CliEnvironment environment, int phaseCount)
{
    private readonly IAnsiConsole? _console = environment.RichOutput
        ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(environment.Out) })
        : null;

    public void Show(WorkflowEvent item)
    {
        switch (item)
        {
            case PhaseStarted started:
                Write($"[{started.Id}/{phaseCount}] {started.Key}: started ({started.Agent})", "grey");
                break;
            case PhaseAnswerRejected rejected:
                Write($"[{rejected.Id}/{phaseCount}] {rejected.Key}: answer {rejected.Attempt} rejected, asking for a repair ({rejected.Errors.Count} problem(s); first: {rejected.Errors[0]})", "yellow");
                break;
            case PhaseCompleted { Result: var r }:
                Write(r.Reused
                    ? $"[{r.Phase.Id}/{phaseCount}] {r.Phase.Key}: reused from checkpoint"
                    : $"[{r.Phase.Id}/{phaseCount}] {r.Phase.Key}: done in {r.DurationMs} ms, {r.Attempts} attempt(s), {r.Usage.InputTokens}+{r.Usage.OutputTokens} tokens{Warnings(r)}", "green");
                break;
            case PhaseFailed { Result: var r }:
                Write($"[{r.Phase.Id}/{phaseCount}] {r.Phase.Key}: FAILED — {r.Reason}", "red");
                break;
            case PhaseSkipped { Result: var r }:
                Write($"[{r.Phase.Id}/{phaseCount}] {r.Phase.Key}: {r.Reason}", "yellow");
                break;
        }
    }

    private static string Warnings(PhaseResult result) => result.Warnings.Count == 0 ? "" : $", {result.Warnings.Count} warning(s)";

    private void Write(string text, string colour)
    {
        if (_console is null) environment.Out.WriteLine(text);
        else _console.MarkupLine($"[{colour}]{Markup.Escape(text)}[/]");
    }
}
