using System.Text.Json;
using Tarantool.Agents.Assets;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Server.Runs;

/// <summary>
/// A follow-up that changes one field of the request reuses every phase whose declared request fields (the
/// <c>request:</c> list of its prompt file) and inputs did not change, asks the model again for the others, and writes
/// the bundle a fresh run of the changed request writes.
/// </summary>
public sealed class RunsFieldReuseTests(RunsFieldReuseTests.BaseRun fixture) : IClassFixture<RunsFieldReuseTests.BaseRun>
{
    private static readonly WorkflowDefinition Workflow = WorkflowLoader.Load(AssetLocator.Locate());

    internal static readonly Dictionary<string, object> Orders = new()
    {
        ["cluster-name"] = "orders",
        ["cluster-type"] = "sharded",
        ["environment"] = "production",
        ["shard-count"] = 4,
        ["cloud-provider"] = "aws",
        ["description"] = "Orders DB, 300 GB, 40k read RPS and 5k write RPS",
    };

    /// <summary>The phases that are reused after each change; docs/runs.md lists the same.</summary>
    public static TheoryData<string, string, object, string[]> Changes() => new()
    {
        { "rename", "cluster-name", "orders-prod", [] },
        { "retention", "backup-retention-days", 7, ["capacity-planning", "topology", "containers-orchestration"] },
        { "cloud", "cloud-provider", "gcp", ["capacity-planning"] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_run_reused_after_one_change_reuses_exactly_the_phases_that_neither_carry_the_field_nor_have_changed_inputs(
        string label, string field, object value, string[] reused)
    {
        var server = fixture.Server;
        var changed = new Dictionary<string, object>(Orders) { [field] = value };
        var asked = Snapshot(fixture.Calls);
        var replanned = await server.SubmitAsync(new Dictionary<string, object>(changed) { ["reuse-from"] = fixture.Id });
        var run = await server.FinishedAsync(replanned);
        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        var askedForReuse = Snapshot(fixture.Calls);
        var fresh = await server.SubmitAsync(changed);
        Assert.Equal("succeeded", (await server.FinishedAsync(fresh)).GetProperty("status").GetString());

        var before = Bundle(fixture.Id);
        var after = Bundle(fresh);
        // The bundle equals a fresh run of the changed request.
        Assert.Equal(Samples.BundleFiles(after), Samples.BundleFiles(Bundle(replanned)));

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Bundle(replanned), "bundle.json")));
        var flags = manifest.RootElement.GetProperty("phases").EnumerateArray()
            .ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("reused").GetBoolean());
        var changedField = RequestFieldNames.Parse(field)!.Value;
        foreach (var phase in Workflow.Phases)
        {
            // Reused exactly when the prompt does not carry the field and every input is the output it was before.
            var inputsSame = phase.DependsOn.Select(Workflow.Phase).All(d =>
                File.ReadAllText(Path.Combine(before, "outputs", d.FileStem + ".json")) == File.ReadAllText(Path.Combine(after, "outputs", d.FileStem + ".json")));
            var expected = (phase.DeclaredRequestFields() & changedField) == 0 && inputsSame;
            Assert.True(expected == flags[phase.Key], $"{label}: {phase.Key} reused {flags[phase.Key]}, expected {expected}");
            // A reused phase asked the model nothing; the others were asked again.
            var calls = CallsOf(askedForReuse, phase.Key) - CallsOf(asked, phase.Key);
            Assert.True(expected ? calls == 0 : calls > 0, $"{label}: {phase.Key} asked {calls} time(s)");
        }

        Assert.Equal(reused, flags.Where(f => f.Value).Select(f => f.Key));
    }

    private string Bundle(string id) => Path.Combine(fixture.Server.DataDirectory, "runs", id, "bundle");

    private static Dictionary<string, int> Snapshot(System.Collections.Concurrent.ConcurrentDictionary<string, int> calls) => new(calls);

    /// <summary>Calls for a phase, its parts' calls included.</summary>
    private static int CallsOf(Dictionary<string, int> calls, string key) =>
        calls.Where(c => c.Key == key || c.Key.StartsWith(key + "/", StringComparison.Ordinal)).Sum(c => c.Value);

    /// <summary>One server, and one run of <see cref="Orders"/> every change starts from.</summary>
    public sealed class BaseRun : IAsyncLifetime
    {
        private readonly TempDirectory _temp = new();

        internal ServedRuns Server { get; private set; } = null!;

        internal System.Collections.Concurrent.ConcurrentDictionary<string, int> Calls { get; private set; } = null!;

        public string Id { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var (model, calls) = CountingExpert.Create();
            Calls = calls;
            Server = await ServedRuns.StartAsync(_temp.Combine("data"), model);
            Id = await Server.SubmitAsync(Orders);
            Assert.Equal("succeeded", (await Server.FinishedAsync(Id)).GetProperty("status").GetString());
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            _temp.Dispose();
        }
    }
}
