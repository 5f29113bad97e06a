using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Phases;
using Tarantool.Agents.Serialization;
using Tarantool.Agents.Tests.Support;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Engine;

/// <summary>
/// The documentation phase asked in parts (one call per guide, then the frame) through the real workflow and the
/// embedded expert: the same result whatever the schedule and the same as one call, within the parallel budget,
/// each part validated and repaired alone, completed parts kept across --resume.
/// </summary>
public sealed partial class SplitPhaseTests : IDisposable
{
    private const int Documentation = 9;
    private readonly TempDirectory _temp = new();
    private readonly WorkflowDefinition _workflow = WorkflowLoader.Load(RepositoryPaths.Root);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_documentation_phase_declares_one_part_per_guide()
    {
        var phase = _workflow.Phase(Documentation);

        Assert.Equal(["setup", "operations", "troubleshooting", "backup-recovery", "scaling", "monitoring", "training"], phase.Parts.Select(p => p.Key));
        Assert.IsAssignableFrom<ISplitOutputSpec>(_workflow.OutputOf(phase));
    }

    [Fact]
    public async Task Parallel_and_sequential_runs_assemble_the_same_guide_as_one_call_would()
    {
        // Parts finish in the reverse of their order when run concurrently: assembly must not follow completion.
        var parallel = await RunAsync(Expert(delay: call => call.Part is { } part ? TimeSpan.FromMilliseconds(40 * (8 - PartIndex(part))) : TimeSpan.Zero),
            new WorkflowOptions { MaxParallel = 8 });
        var sequential = await RunAsync(Expert(), new WorkflowOptions { Sequential = true });
        var whole = await RunAsync(Expert(), new WorkflowOptions(), Unsplit(_workflow));

        foreach (var other in new[] { sequential, parallel })
        {
            Assert.Equal(whole.Narrative, other.Narrative);
            // As the bundle writes outputs/09-documentation.json.
            Assert.Equal(JsonSerializer.Serialize(whole.OutputJson, JsonDefaults.Indented), JsonSerializer.Serialize(other.OutputJson, JsonDefaults.Indented));
            Assert.Equal(whole.Files.Select(f => (f.Path, f.Content)), other.Files.Select(f => (f.Path, f.Content)));
        }
        Assert.Equal(7, parallel.Files.Count);
        Assert.Empty(whole.Parts);
        Assert.Equal(7, parallel.Parts.Count);
        Assert.Equal(8, parallel.Usage.Calls); // seven parts and the frame
    }

    [Fact]
    public async Task Parts_run_concurrently_but_never_beyond_max_parallel()
    {
        var running = 0;
        var maxRunning = 0;
        var partsRunning = 0;
        var maxPartsRunning = 0;
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                // Only the parts take time, so once documentation starts they are what fills the slots.
                var part = CallOf(messages).Part is not null;
                InterlockedMax(ref maxRunning, Interlocked.Increment(ref running));
                if (part) InterlockedMax(ref maxPartsRunning, Interlocked.Increment(ref partsRunning));
                if (part)
                {
                    // Hold each part until three run at once (or a while has passed): a fourth could only join if the
                    // budget let it, and a run that never reaches three shows the parts were not concurrent.
                    var waited = System.Diagnostics.Stopwatch.StartNew();
                    while (Volatile.Read(ref partsRunning) < 3 && waited.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(10, cancellationToken);
                    await Task.Delay(50, cancellationToken);
                }
                if (part) Interlocked.Decrement(ref partsRunning);
                Interlocked.Decrement(ref running);
                return await expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };

        var harness = new EngineHarness(_workflow, model, _temp.Path);
        var (result, _) = await harness.RunAsync(new WorkflowOptions { MaxParallel = 3 });

        Assert.True(result.Succeeded, string.Join("; ", result.Phases.Select(p => p.Reason)));
        Assert.True(maxRunning == 3 && maxPartsRunning == 3, $"{maxRunning} calls and {maxPartsRunning} parts at most at once");
        Assert.Equal(1, harness.Ledger.For("documentation.setup").Calls);
        Assert.Equal(1, harness.Ledger.For("documentation").Calls);
    }

    [Fact]
    public async Task A_part_that_misses_a_required_heading_is_repaired_alone()
    {
        var asked = new List<string>();
        var broken = true;
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                var call = CallOf(messages);
                lock (asked) asked.Add(call.Name);
                var response = await expert.GetResponseAsync(messages, options, cancellationToken);
                if (call.Part != "operations" || !broken) return response;
                broken = false;
                var answer = JsonNode.Parse(response.Text)!;
                answer["output"]!["sections"]!.AsArray().RemoveAt(0); // "Start and stop"
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.ToJsonString()));
            },
        };

        var (result, events) = await new EngineHarness(_workflow, model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded, string.Join("; ", result.Phases.Select(p => p.Reason)));
        var rejected = Assert.Single(events.OfType<PhaseAnswerRejected>());
        Assert.Equal("documentation.operations", rejected.Key);
        Assert.Contains(rejected.Errors, e => e.Code == "docs.missing-heading" && e.Message.Contains("Start and stop"));
        Assert.Equal(2, asked.Count(a => a == "documentation.operations"));
        Assert.All(asked.Where(a => a.StartsWith("documentation", StringComparison.Ordinal) && a != "documentation.operations"), a => Assert.Equal(1, asked.Count(b => b == a)));
        var documentation = result.Phases.Single(p => p.Phase.Id == Documentation);
        Assert.Equal(2, documentation.Parts.Single(p => p.Key == "operations").Attempts);
        Assert.Equal(9, documentation.Attempts);
    }

    [Fact]
    public async Task The_frame_is_held_to_the_phase_validator_over_the_assembled_guide()
    {
        var wrongName = true;
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                var response = await expert.GetResponseAsync(messages, options, cancellationToken);
                var call = CallOf(messages);
                if (call.Name != "documentation" || !wrongName) return response;
                wrongName = false;
                var answer = JsonNode.Parse(response.Text)!;
                answer["output"]!["appName"] = "shop";
                return new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.ToJsonString()));
            },
        };

        var (result, events) = await new EngineHarness(_workflow, model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded, string.Join("; ", result.Phases.Select(p => p.Reason)));
        var rejected = Assert.Single(events.OfType<PhaseAnswerRejected>());
        Assert.Equal("documentation", rejected.Key);
        Assert.Contains(rejected.Errors, e => e.Code == "docs.app-name");
    }

    [Fact]
    public async Task Resume_asks_again_only_the_part_that_failed_and_the_frame()
    {
        var asked = new List<string>();
        var failTraining = true;
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                var call = CallOf(messages);
                lock (asked) asked.Add(call.Name);
                if (call.Part == "training" && failTraining) return new ChatResponse(new ChatMessage(ChatRole.Assistant, "no JSON here"));
                return await expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };
        var harness = new EngineHarness(_workflow, model, _temp.Path);

        var (first, _) = await harness.RunAsync(new WorkflowOptions { MaxAttempts = 1 });
        Assert.False(first.Succeeded);
        var failed = first.Phases.Single(p => p.Phase.Id == Documentation);
        Assert.Equal(PhaseStatus.Failed, failed.Status);
        Assert.Contains("part training", failed.Reason);
        Assert.Equal(PhaseStatus.Failed, failed.Parts.Single(p => p.Key == "training").Status);
        Assert.Equal(6, failed.Parts.Count(p => p.Status == PhaseStatus.Succeeded));
        Assert.DoesNotContain("documentation", asked); // no frame without every part
        Assert.True(File.Exists(Path.Combine(_temp.Path, "documentation", "setup.json")), "a completed part has a checkpoint of its own");
        Assert.False(File.Exists(Path.Combine(_temp.Path, "documentation", "training.json")));

        failTraining = false;
        asked.Clear();
        var (second, _) = await harness.RunAsync(new WorkflowOptions { Resume = true });

        Assert.True(second.Succeeded, string.Join("; ", second.Phases.Select(p => p.Reason)));
        Assert.Equal(["documentation", "documentation.training"], asked.Order(StringComparer.Ordinal));
        var documentation = second.Phases.Single(p => p.Phase.Id == Documentation);
        Assert.Equal(6, documentation.Parts.Count(p => p.Reused));
        Assert.False(documentation.Parts.Single(p => p.Key == "training").Reused);

        asked.Clear();
        var (third, _) = await harness.RunAsync(new WorkflowOptions { Resume = true });
        Assert.True(third.Succeeded);
        Assert.Empty(asked);
        Assert.True(third.Phases.Single(p => p.Phase.Id == Documentation).Reused);
    }

    [Fact]
    public async Task A_part_prompt_states_what_its_validator_demands()
    {
        var prompts = new Dictionary<string, string>();
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = (messages, options, cancellationToken) =>
            {
                lock (prompts) prompts[CallOf(messages).Name] = messages.First(m => m.Role == ChatRole.User).Text;
                return expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };

        var (result, _) = await new EngineHarness(_workflow, model, _temp.Path).RunAsync(new WorkflowOptions());

        Assert.True(result.Succeeded);
        var troubleshooting = prompts["documentation.troubleshooting"];
        Assert.Contains("\"file\" is \"troubleshooting.md\"", troubleshooting);
        Assert.All(global::Tarantool.Agents.Phases.Monitoring.AlertNames.All, alert => Assert.Contains(alert, troubleshooting));
        Assert.Contains("\"Adding a shard\"", prompts["documentation.operations"]); // the request is sharded
        Assert.Contains("at least 3 exercises", prompts["documentation.training"]);
        Assert.Contains("<parts>", prompts["documentation"]);
        Assert.DoesNotContain("<parts>", troubleshooting);
        // The frame sees an outline of the documents, not the documents.
        Assert.True(prompts["documentation"].Length < prompts["documentation.troubleshooting"].Length + 20_000);
    }

    private async Task<PhaseResult> RunAsync(IChatClient model, WorkflowOptions options, WorkflowDefinition? workflow = null)
    {
        using var checkpoints = new TempDirectory();
        var (result, _) = await new EngineHarness(workflow ?? _workflow, model, checkpoints.Path).RunAsync(options);
        Assert.True(result.Succeeded, string.Join("; ", result.Phases.Select(p => p.Reason)));
        return result.Phases.Single(p => p.Phase.Id == Documentation);
    }

    /// <summary>The same workflow with the documentation phase asked in one call, as before it was split.</summary>
    private static WorkflowDefinition Unsplit(WorkflowDefinition workflow) =>
        new([.. workflow.Phases.Select(p => p.Id == Documentation ? p with { Parts = [], PartTemplate = null } : p)], workflow.Agents, PhaseRegistry.Outputs);

    private static TestChatClient Expert(Func<(string Name, string? Part), TimeSpan>? delay = null)
    {
        var expert = new TarantoolExpertChatClient();
        return new TestChatClient
        {
            Respond = async (messages, options, cancellationToken) =>
            {
                if (delay?.Invoke(CallOf(messages)) is { } wait && wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
                return await expert.GetResponseAsync(messages, options, cancellationToken);
            },
        };
    }

    private static int PartIndex(string part) => WorkflowLoader.Load(RepositoryPaths.Root).Phase(Documentation).Parts.FindIndex(p => p.Key == part);

    /// <summary>Which call a prompt is: the phase key, or <c>key.part</c> for a part of a split phase.</summary>
    private static (string Name, string? Part) CallOf(IEnumerable<ChatMessage> messages)
    {
        var prompt = messages.First(m => m.Role == ChatRole.User).Text;
        var marker = Marker().Match(prompt);
        var key = marker.Groups["key"].Value;
        var part = marker.Groups["part"].Success ? marker.Groups["part"].Value : null;
        return (part is null ? key : $"{key}.{part}", part);
    }

    [GeneratedRegex(@"<phase\b[^>]*\bkey=""(?<key>[a-z-]+)""[^>]*?(?:\bpart=""(?<part>[a-z-]+)"")?\s*/>")]
    private static partial Regex Marker();

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
