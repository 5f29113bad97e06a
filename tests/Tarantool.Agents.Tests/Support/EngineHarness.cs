using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Tarantool.Agents.Engine;
using Tarantool.Agents.Models;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Requests;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Tests.Support;

/// <summary>Runs a workflow on a test model with the product's middleware and a real checkpoint folder.</summary>
internal sealed class EngineHarness(WorkflowDefinition workflow, IChatClient model, string checkpointDirectory)
{
    public UsageLedger Ledger { get; private set; } = new();

    public async Task<(WorkflowResult Result, List<WorkflowEvent> Events)> RunAsync(WorkflowOptions options, Language language = Language.En)
    {
        Ledger = new UsageLedger();
        var kernel = KernelFactory.Create(ChatClientFactory.Wrap(model, new Tarantool.Agents.Models.ModelOptions(), Ledger, NullLoggerFactory.Instance), withPlugins: false);
        var engine = new WorkflowEngine(workflow, kernel, new FileCheckpointStore(checkpointDirectory), Ledger, "test/test-model");
        var events = new List<WorkflowEvent>();
        await foreach (var item in engine.RunAsync(Requests.Orders(), language, options)) events.Add(item);
        return (((RunCompleted)events[^1]).Result, events);
    }
}
