using System.Text.Json;
using Tarantool.Agents.Agents;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Prompts;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Support;

/// <summary>A small phase graph with trivial outputs, to test the engine apart from the Tarantool experts.</summary>
internal static class FakePhases
{
    public static readonly NarrativeSection Summary = new("Summary", "Итоги");

    public sealed record FakeOutput(string Phase, int Value);

    /// <summary>Rejects negative values, so tests can script invalid answers.</summary>
    private sealed class FakeValidator : IPhaseValidator<FakeOutput>
    {
        public IEnumerable<ValidationIssue> Validate(FakeOutput output, PhaseContext context)
        {
            if (output.Value < 0) yield return ValidationIssue.Error("fake.negative", "value must not be negative", "$.value");
        }
    }

    private sealed class FakeRenderer : IArtifactRenderer<FakeOutput>
    {
        public IEnumerable<BundleFile> Render(FakeOutput output, PhaseContext context) =>
            [new BundleFile($"fake/{output.Phase}.txt", "fake", $"value={output.Value}\n")];
    }

    /// <summary>Each phase has an output of its own name (<c>Fake3</c>), as the workflow requires.</summary>
    public static IPhaseOutputSpec Spec(int id) => new PhaseOutputSpec<FakeOutput>(new FakeValidator(), new FakeRenderer(), [Summary], $"Fake{id}");

    /// <summary>Phases: 1 → {2, 3} → 4 (2 and 3 are independent).</summary>
    public static WorkflowDefinition Diamond() => Workflow(
        (1, []), (2, [1]), (3, [1]), (4, [2, 3]));

    public static WorkflowDefinition Workflow(params (int Id, int[] DependsOn)[] phases) => new(
        phases.Select(p => new PhasePrompt
        {
            Id = p.Id,
            Key = $"phase-{p.Id}",
            Name = $"Phase {p.Id}",
            Agent = "tester",
            DependsOn = [.. p.DependsOn],
            Output = $"Fake{p.Id}",
            Template = """
                <phase key="{{$phase_key}}" output="{{$output_type}}" />
                Sections: {{$sections}}
                <request>
                {{$request}}
                </request>
                <inputs>
                {{$inputs}}
                </inputs>
                """,
        }),
        [new AgentDefinition { Name = "tester", Description = "test agent", Instructions = "Answer the phase." }],
        phases.Select(p => Spec(p.Id)));

    /// <summary>A valid answer for the phase whose key is in the prompt.</summary>
    public static string ValidAnswer(string phaseKey, int value = 1) => Answer(phaseKey, value, "# Fake\n\n## Summary\n\nAll good.\n");

    public static string Answer(string phaseKey, int value, string narrative) =>
        JsonSerializer.Serialize(new { output = new { phase = phaseKey, value }, narrative });

    /// <summary>The phase key a prompt is for.</summary>
    public static string PhaseKeyOf(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages)
    {
        var prompt = messages.First(m => m.Role == Microsoft.Extensions.AI.ChatRole.User).Text;
        var start = prompt.IndexOf("key=\"", StringComparison.Ordinal) + 5;
        return prompt[start..prompt.IndexOf('"', start)];
    }
}
