using Microsoft.Extensions.AI;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Engine;

public sealed class WorkflowEngineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_phase_receives_the_typed_outputs_of_the_phases_it_depends_on_and_no_others()
    {
        var prompts = new Dictionary<string, string>();
        var model = TestChatClient.Answering((messages, _) =>
        {
            var key = FakePhases.PhaseKeyOf(messages);
            lock (prompts) prompts[key] = messages.First(m => m.Role == ChatRole.User).Text;
            return FakePhases.ValidAnswer(key, value: int.Parse(key[^1..]) * 10);
        });

        var (result, _) = await new EngineHarness(FakePhases.Diamond(), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        Assert.Contains("\"phase\": \"phase-2\"", prompts["phase-4"]);
        Assert.Contains("\"value\": 30", prompts["phase-4"]);
        Assert.DoesNotContain("\"phase\": \"phase-1\"", prompts["phase-4"]);
        Assert.Contains("\"value\": 10", prompts["phase-2"]);
        Assert.DoesNotContain("\"value\":", prompts["phase-1"].Split("<inputs>")[1]);
    }

    [Fact]
    public async Task Independent_phases_run_concurrently_and_sequential_mode_runs_one_at_a_time()
    {
        var running = 0;
        var maxRunning = 0;
        var model = new TestChatClient
        {
            Respond = async (messages, _, cancellationToken) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(300, cancellationToken);
                Interlocked.Decrement(ref running);
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, FakePhases.ValidAnswer(FakePhases.PhaseKeyOf(messages))));
            },
        };
        var harness = new EngineHarness(FakePhases.Workflow((1, []), (2, [1]), (3, [1]), (4, [1]), (5, [2, 3, 4])), model, _temp.Path);

        var (parallel, _) = await harness.RunAsync(new WorkflowOptions { MaxParallel = 4 });
        Assert.True(parallel.Succeeded);
        Assert.Equal(3, maxRunning);

        maxRunning = 0;
        var (sequential, events) = await harness.RunAsync(new WorkflowOptions { Sequential = true });
        Assert.True(sequential.Succeeded);
        Assert.Equal(1, maxRunning);
        Assert.Equal([1, 2, 3, 4, 5], events.OfType<PhaseStarted>().Select(e => e.Id));

        maxRunning = 0;
        var (bounded, _) = await harness.RunAsync(new WorkflowOptions { MaxParallel = 2 });
        Assert.True(bounded.Succeeded);
        Assert.Equal(2, maxRunning);
    }

    [Fact]
    public async Task An_invalid_answer_gets_its_errors_back_and_a_repaired_answer_is_accepted()
    {
        var repairs = new List<string>();
        var asked = 0;
        var model = TestChatClient.Answering((messages, _) =>
        {
            var key = FakePhases.PhaseKeyOf(messages);
            if (key != "phase-2") return FakePhases.ValidAnswer(key);
            return Interlocked.Increment(ref asked) switch
            {
                1 => "Sure! Here is the plan: {\"output\": {\"phase\": \"phase-2\"", // truncated, unparseable
                2 => FakePhases.ValidAnswer(key, value: -5), // parses, but the validator rejects it
                _ => RecordRepair(messages[^1].Text, FakePhases.ValidAnswer(key, value: 7)),
            };
        });
        string RecordRepair(string repair, string answer)
        {
            repairs.Add(repair);
            return answer;
        }

        var (result, events) = await new EngineHarness(FakePhases.Diamond(), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        var phase2 = result.Phases.Single(p => p.Phase.Id == 2);
        Assert.Equal(3, phase2.Attempts);
        Assert.Equal(3, phase2.Usage.Calls);
        var rejected = events.OfType<PhaseAnswerRejected>().ToList();
        Assert.Equal(["answer.unparseable", "fake.negative"], rejected.Select(r => r.Errors[0].Code));
        Assert.Contains("value must not be negative", Assert.Single(repairs));
    }

    [Fact]
    public async Task A_phase_that_never_answers_validly_fails_with_its_last_errors_and_its_dependents_are_skipped()
    {
        var model = TestChatClient.Answering((messages, _) =>
        {
            var key = FakePhases.PhaseKeyOf(messages);
            return key == "phase-3" ? FakePhases.ValidAnswer(key, value: -1) : FakePhases.ValidAnswer(key);
        });

        var (result, _) = await new EngineHarness(FakePhases.Diamond(), model, _temp.Path).RunAsync(new WorkflowOptions { MaxAttempts = 2 });

        Assert.False(result.Succeeded);
        var failed = result.Phases.Single(p => p.Phase.Id == 3);
        Assert.Equal(PhaseStatus.Failed, failed.Status);
        Assert.Equal(2, failed.Attempts);
        Assert.Contains("fake.negative", failed.Reason);
        Assert.Equal(PhaseStatus.Succeeded, result.Phases.Single(p => p.Phase.Id == 2).Status);
        Assert.Equal(PhaseStatus.Skipped, result.Phases.Single(p => p.Phase.Id == 4).Status);
    }

    [Fact]
    public async Task A_narrative_without_the_required_sections_or_in_the_wrong_language_is_rejected()
    {
        var english = "# Fake\n\n## Summary\n\n" + string.Concat(Enumerable.Repeat("The cluster keeps three replicas in every shard and elects its leader automatically. ", 6));
        var model = TestChatClient.Answering((messages, _) => FakePhases.Answer(FakePhases.PhaseKeyOf(messages), 1, english));

        var (result, events) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path)
            .RunAsync(new WorkflowOptions { MaxAttempts = 1 }, global::Tarantool.Agents.Requests.Language.Ru);

        Assert.False(result.Succeeded);
        var codes = events.OfType<PhaseAnswerRejected>().Single().Errors.Select(e => e.Code).ToList();
        Assert.Contains("narrative.section-missing", codes); // '## Итоги' is required in Russian
        Assert.Contains("narrative.language", codes);
    }

    [Fact]
    public async Task Resume_reuses_completed_phases_with_unchanged_inputs_without_asking_the_model_again()
    {
        var failPhase3 = true;
        var asked = new List<string>();
        var model = TestChatClient.Answering((messages, _) =>
        {
            var key = FakePhases.PhaseKeyOf(messages);
            lock (asked) asked.Add(key);
            return key == "phase-3" && failPhase3 ? "no JSON here" : FakePhases.ValidAnswer(key);
        });
        var harness = new EngineHarness(FakePhases.Diamond(), model, _temp.Path);

        var (first, _) = await harness.RunAsync(new WorkflowOptions { MaxAttempts = 1 });
        Assert.False(first.Succeeded);

        failPhase3 = false;
        asked.Clear();
        var (second, events) = await harness.RunAsync(new WorkflowOptions { Resume = true });

        Assert.True(second.Succeeded);
        Assert.Equal(["phase-3", "phase-4"], asked.Order());
        Assert.True(second.Phases.Single(p => p.Phase.Id == 1).Reused);
        Assert.True(second.Phases.Single(p => p.Phase.Id == 2).Reused);
        Assert.DoesNotContain(events.OfType<PhaseStarted>(), e => e.Id is 1 or 2);
        Assert.Equal(0, harness.Ledger.For("phase-1").Calls);
    }

    [Fact]
    public async Task Resume_reruns_a_phase_whose_inputs_changed()
    {
        var value = 1;
        var asked = new List<string>();
        var model = TestChatClient.Answering((messages, _) =>
        {
            var key = FakePhases.PhaseKeyOf(messages);
            lock (asked) asked.Add(key);
            return FakePhases.ValidAnswer(key, key == "phase-1" ? value : 1);
        });
        var harness = new EngineHarness(FakePhases.Diamond(), model, _temp.Path);
        await harness.RunAsync(new WorkflowOptions());

        // Phase 1 is redone and now decides differently: phases 2 and 3 see new inputs and must be asked again;
        // phase 4 sees the same outputs of 2 and 3 as before, so its checkpoint still holds.
        File.Delete(Path.Combine(_temp.Path, "phase-1.json"));
        value = 2;
        asked.Clear();
        var (resumed, _) = await harness.RunAsync(new WorkflowOptions { Resume = true });

        Assert.True(resumed.Succeeded);
        Assert.Equal(["phase-1", "phase-2", "phase-3"], asked.Order());
        Assert.True(resumed.Phases.Single(p => p.Phase.Id == 4).Reused);
    }

    [Fact]
    public async Task An_answer_cut_off_at_the_token_limit_is_rejected_as_truncated_and_asked_again()
    {
        var model = new TestChatClient
        {
            Respond = (messages, _, _) => Task.FromResult(messages.Count == 2
                ? new ChatResponse(new ChatMessage(ChatRole.Assistant, FakePhases.ValidAnswer(FakePhases.PhaseKeyOf(messages)))) { FinishReason = ChatFinishReason.Length }
                : new ChatResponse(new ChatMessage(ChatRole.Assistant, FakePhases.ValidAnswer(FakePhases.PhaseKeyOf(messages))))),
        };

        var (result, events) = await new EngineHarness(FakePhases.Workflow((1, [])), model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(2, result.Phases[0].Attempts);
        Assert.Equal("answer.truncated", events.OfType<PhaseAnswerRejected>().Single().Errors.Single().Code);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
