using System.CommandLine;
using Microsoft.SemanticKernel;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Cli.Input;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Intake;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Cli.Commands;

/// <summary>
/// <c>prompts render --phase N</c>: prints a phase's rendered prompt for a request. The inputs of earlier phases
/// are those the embedded expert decides, so the prompt is the one a real run sends.
/// </summary>
internal static class PromptsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var request = new RequestOptions();
        var phaseOption = new Option<int>("--phase") { Description = "Phase id (1–10).", Required = true };
        var partOption = new Option<string?>("--part") { Description = "A part of a phase asked in parts (e.g. setup for phase 9); without it, the phase's own (frame) prompt." };
        var render = new Command("render", "Print the rendered prompt of a phase.");
        request.AddTo(render);
        render.Options.Add(phaseOption);
        render.Options.Add(partOption);
        render.SetAction(async (parse, cancellationToken) =>
        {
            var workflow = WorkflowLoader.Load(AssetLocator.Locate());
            var id = parse.GetValue(phaseOption);
            if (workflow.Phases.All(p => p.Id != id))
                throw new UserInputException($"--phase must be one of {string.Join(", ", workflow.Phases.Select(p => p.Id))}.");
            var part = parse.GetValue(partOption);
            var phase = workflow.Phase(id);
            if (part is not null && phase.Parts.All(p => p.Key != part))
                throw new UserInputException(phase.Parts.Count == 0
                    ? $"--part: phase {id} is asked in one call and has no parts."
                    : $"--part must be one of {string.Join(", ", phase.Parts.Select(p => p.Key))} for phase {id}.");
            var intake = RequestIntake.Resolve(request.Read(parse, environment.In));
            if (!intake.IsValid) throw new UserInputException(string.Join(Environment.NewLine, intake.Errors));

            var text = await RenderAsync(workflow, id, intake, cancellationToken, part);
            environment.Out.Write(text);
            return ExitCodes.Success;
        });

        var command = new Command("prompts", "Inspect the phase prompts.");
        command.Subcommands.Add(render);
        return command;
    }

    /// <summary>
    /// Renders phase <paramref name="id"/>, deciding its inputs with the embedded expert: its one prompt, or for a
    /// phase asked in parts the prompt of <paramref name="part"/>, or without a part the frame's prompt (with the
    /// digest of the parts the expert writes).
    /// </summary>
    internal static async Task<string> RenderAsync(WorkflowDefinition workflow, int id, IntakeResult intake, CancellationToken cancellationToken, string? part = null)
    {
        var kernel = new Kernel();
        var renderer = new PromptRenderer();
        var outputs = new Dictionary<int, object>();
        foreach (var phase in workflow.Closure(id).Where(p => p.Id != id))
        {
            var inputs = Inputs(workflow, phase, outputs);
            var expert = ExpertRegistry.Find(phase.Output) ?? throw new InvalidOperationException($"No embedded expert for {phase.Output}.");
            outputs[phase.Id] = expert.Answer(new PhaseContext(intake.Request!, intake.Language, inputs.ToDictionary())).Output;
        }

        var target = workflow.Phase(id);
        var output = workflow.OutputOf(target);
        var targetInputs = Inputs(workflow, target, outputs);
        if (target.Parts.Count == 0 || output is not ISplitOutputSpec split)
            return await renderer.RenderAsync(kernel, target, output, intake.Request!, intake.Language, targetInputs, cancellationToken);

        var context = new PhaseContext(intake.Request!, intake.Language, targetInputs.ToDictionary());
        if (part is not null)
            return await renderer.RenderPartAsync(kernel, target, output, split.Parts.Single(p => p.Key == part), context, targetInputs, cancellationToken);
        var writer = ExpertRegistry.Find(target.Output) as ISplitPhaseExpert ?? throw new InvalidOperationException($"No embedded expert writes {target.Output} in parts.");
        var parts = split.Parts.Select(p => writer.AnswerPart(p.Key, context)).ToList();
        return await renderer.RenderFrameAsync(kernel, target, output, split, parts, intake.Request!, intake.Language, targetInputs, cancellationToken);
    }

    private static List<KeyValuePair<string, object>> Inputs(WorkflowDefinition workflow, PhasePrompt phase, Dictionary<int, object> outputs) =>
        [.. phase.DependsOn.Order().Select(dep => new KeyValuePair<string, object>(workflow.Phase(dep).Output, outputs[dep]))];
}
