using System.Collections.Concurrent;
using Microsoft.Extensions.AI;
using Tarantool.Agents.Expert;
using Tarantool.Agents.Models;
using Tarantool.Agents.Tests.Support;

namespace Tarantool.Agents.Tests.Engine;

/// <summary>Tools go only to the phases whose prompt file declares them, and Model:Tools turns them off.</summary>
public sealed class PhaseToolsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (IChatClient Model, ConcurrentDictionary<string, string> ToolsByPhase) Recording()
    {
        var seen = new ConcurrentDictionary<string, string>();
        var expert = new TarantoolExpertChatClient();
        var model = new TestChatClient
        {
            Respond = (messages, options, token) =>
            {
                seen[PhaseScope.Current ?? "?"] = string.Join(",", (options?.Tools ?? []).Select(t => t.Name).Order(StringComparer.Ordinal));
                return expert.GetResponseAsync(messages, options, token);
            },
        };
        return (model, seen);
    }

    private static readonly string[] Plan =
    [
        "plan", "--cluster-name", "orders", "--cluster-type", "sharded", "--environment", "production", "Orders DB, 100 GB",
        // An endpoint nobody listens on: the limits come from the table, the answers from the recording fake.
        "--provider", "openai-compatible", "--endpoint", "http://127.0.0.1:9/v1", "--model", "gpt-4o",
    ];

    [Fact]
    public async Task Only_phases_that_declare_tools_are_sent_them()
    {
        var (model, seen) = Recording();

        var run = await CliRunner.RunAsync([.. Plan, "--output", _temp.Combine("b")], model);

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        // Ten phases, the seven guides of the documentation phase asked as calls of their own, and intake's reading of
        // the description (a real provider is configured), which is sent no tools.
        Assert.Equal(18, seen.Count);
        Assert.Equal("", seen[Tarantool.Agents.Intake.ModelIntake.Scope]);
        Assert.Equal(7, seen.Keys.Count(k => k.StartsWith("documentation.", StringComparison.Ordinal)));
        Assert.Equal("capacity_calculate_bucket_count,capacity_calculate_memtx_memory,capacity_plan_capacity,capacity_validate_capacity_plan", seen["capacity-planning"]);
        Assert.Contains("topology_design_topology", seen["topology"]);
        Assert.Contains("capacity_calculate_bucket_count", seen["topology"]);
        Assert.All(seen.Where(p => p.Key is not ("capacity-planning" or "topology")), p => Assert.Equal("", p.Value));
    }

    [Fact]
    public async Task Model_Tools_false_sends_no_tools_at_all()
    {
        var (model, seen) = Recording();

        var run = await CliRunner.RunAsync([.. Plan, "--output", _temp.Combine("b")], model, settings: new Dictionary<string, string?> { ["Model:Tools"] = "false" });

        Assert.True(run.ExitCode == 0, run.Out + run.Error);
        Assert.All(seen, p => Assert.Equal("", p.Value));
        Assert.Contains("\"tools\": false", File.ReadAllText(Path.Combine(_temp.Combine("b"), "bundle.json")));
    }
}
