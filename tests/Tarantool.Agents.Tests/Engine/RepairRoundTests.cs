using System.Text.Json;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Engine;

/// <summary>
/// How an invalid answer is judged and repaired: every check in one round, a repair call that carries the prompt,
/// the previous answer once and its errors, and, when the errors sit in a few fields or the narrative, a repair that
/// asks for only those parts and merges them into the previous answer.
/// </summary>
public sealed class RepairRoundTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private sealed record Call(IReadOnlyList<ChatMessage> Messages, JsonElement? Schema);

    private static TestChatClient Scripted(List<Call> calls, params Func<string, string>[] answers) => new()
    {
        Respond = (messages, options, _) =>
        {
            int index;
            lock (calls)
            {
                calls.Add(new Call([.. messages], (options?.ResponseFormat as ChatResponseFormatJson)?.Schema));
                index = calls.Count - 1;
            }

            var key = FakePhases.PhaseKeyOf(messages);
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answers[Math.Min(index, answers.Length - 1)](key))));
        },
    };

    private static readonly string LongNarrative = "# Fake\n\n## Summary\n\n" + string.Concat(Enumerable.Repeat(
        "The phase keeps its single value small and states why every figure follows from the request. ", 8)) + "\n";

    [Fact]
    public async Task An_answer_with_schema_semantic_and_narrative_errors_gets_one_repair_message_naming_them_all()
    {
        var calls = new List<Call>();
        // An unknown property (schema), a negative value (the semantic validator) and no '## Summary' (narrative).
        var model = Scripted(calls,
            key => JsonSerializer.Serialize(new { output = new { phase = key, value = -1, colour = "red" }, narrative = "# Fake\n\nNo sections here.\n" }),
            key => FakePhases.ValidAnswer(key));

        var (result, events) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Phases[0].Attempts);
        var codes = Assert.Single(events.OfType<PhaseAnswerRejected>()).Errors.Select(e => e.Code).ToList();
        Assert.Contains(codes, c => c.StartsWith("schema.", StringComparison.Ordinal));
        Assert.Contains("fake.negative", codes);
        Assert.Contains("narrative.section-missing", codes);

        var repair = calls[1].Messages[^1].Text;
        Assert.Contains("schema.", repair);
        Assert.Contains("fake.negative", repair);
        Assert.Contains("narrative.section-missing", repair);
    }

    [Fact]
    public async Task An_answer_that_is_not_json_says_the_other_checks_could_not_run()
    {
        var calls = new List<Call>();
        var model = Scripted(calls, _ => "Here is my plan, in words only.", key => FakePhases.ValidAnswer(key));

        var (result, events) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        var error = Assert.Single(Assert.Single(events.OfType<PhaseAnswerRejected>()).Errors);
        Assert.Equal("answer.unparseable", error.Code);
        Assert.Contains("could not run", error.Message);
    }

    [Fact]
    public async Task Each_repair_carries_the_prompt_the_previous_answer_once_and_its_errors_not_a_growing_transcript()
    {
        var calls = new List<Call>();
        var model = Scripted(calls,
            _ => "first answer, no JSON " + new string('a', 2000),
            _ => "second answer, no JSON " + new string('b', 2000),
            _ => "third answer, no JSON " + new string('c', 2000));

        var (result, _) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions { MaxAttempts = 3 });

        Assert.False(result.Succeeded);
        Assert.Equal(3, calls.Count);
        Assert.Equal(2, calls[0].Messages.Count);
        var prompt = calls[0].Messages[1].Text;
        foreach (var (call, previous) in new[] { (calls[1], "first answer"), (calls[2], "second answer") })
        {
            Assert.Equal([ChatRole.System, ChatRole.User, ChatRole.Assistant, ChatRole.User], call.Messages.Select(m => m.Role));
            Assert.Equal(prompt, call.Messages[1].Text);
            Assert.StartsWith(previous, call.Messages[2].Text);
            Assert.Contains("answer.unparseable", call.Messages[3].Text);
        }

        // The third call does not carry the first answer: its size stays that of the second.
        Assert.DoesNotContain(calls[2].Messages, m => m.Text.Contains("first answer", StringComparison.Ordinal));
        var sizes = calls.Select(c => c.Messages.Sum(m => m.Text.Length)).ToList();
        Assert.InRange(sizes[2], sizes[1] - 10, sizes[1] + 10);
    }

    [Fact]
    public async Task A_mostly_right_answer_is_repaired_by_asking_only_for_the_failing_field_and_merging_it()
    {
        var calls = new List<Call>();
        var model = Scripted(calls,
            key => FakePhases.Answer(key, -5, LongNarrative),
            _ => """{"output": {"value": 7}}""");

        var (result, _) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(2, calls.Count);
        var repair = calls[1];
        Assert.Contains("output.value", repair.Messages[^1].Text);
        Assert.Contains("fake.negative", repair.Messages[^1].Text);
        // The response format asks for that field alone: no narrative, no other output field.
        var properties = repair.Schema!.Value.GetProperty("properties");
        Assert.Equal(["output"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["value"], properties.GetProperty("output").GetProperty("properties").EnumerateObject().Select(p => p.Name));

        var phase = result.Phases[0];
        Assert.Equal(new FakePhases.FakeOutput("phase-1", 7), phase.Output);
        Assert.Equal(LongNarrative, phase.Narrative);
        Assert.Equal("value=7\n", Assert.Single(phase.Files).Content);
    }

    [Fact]
    public async Task A_narrative_that_fails_alone_is_asked_again_alone_and_merged_with_the_kept_output()
    {
        var calls = new List<Call>();
        var model = Scripted(calls,
            key => FakePhases.Answer(key, 3, "# Fake\n\nNone.\n"),
            _ => """{"narrative": "# Fake\n\n## Summary\n\nAll good.\n"}""");

        var (result, _) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        var properties = calls[1].Schema!.Value.GetProperty("properties");
        Assert.Equal(["narrative"], properties.EnumerateObject().Select(p => p.Name));
        Assert.Contains("narrative.section-missing", calls[1].Messages[^1].Text);
        Assert.Equal(new FakePhases.FakeOutput("phase-1", 3), result.Phases[0].Output);
        Assert.Equal("# Fake\n\n## Summary\n\nAll good.\n", result.Phases[0].Narrative);
    }

    [Fact]
    public async Task A_partial_repair_that_is_still_wrong_is_judged_whole_and_the_next_repair_shows_the_merged_answer()
    {
        var calls = new List<Call>();
        var model = Scripted(calls,
            key => FakePhases.Answer(key, -5, LongNarrative),
            _ => """{"output": {"value": -6}}""",
            _ => """{"output": {"value": 9}}""");

        var (result, _) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions { MaxAttempts = 3 });

        Assert.True(result.Succeeded);
        Assert.Equal(3, result.Phases[0].Attempts);
        var shown = JsonDocument.Parse(calls[2].Messages[2].Text).RootElement;
        Assert.Equal(-6, shown.GetProperty("output").GetProperty("value").GetInt32());
        Assert.Equal("phase-1", shown.GetProperty("output").GetProperty("phase").GetString());
        Assert.Equal(new FakePhases.FakeOutput("phase-1", 9), result.Phases[0].Output);
    }
}
