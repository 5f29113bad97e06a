using Microsoft.Extensions.Configuration;
using Tarantool.Agents.Planning;
using Tarantool.Agents.Workflow;

namespace Tarantool.Agents.Server.Runs;

/// <summary>What <c>serve</c> gives the runs service: where runs live and how to plan one (the model as for <c>plan</c>).</summary>
/// <param name="DataDirectory">Holds <c>runs.db</c> and <c>runs/&lt;id&gt;/</c> (bundle, kept checkpoints).</param>
/// <param name="CreatePlanner">A planner over the configured model; called once per run execution.</param>
/// <param name="MaxAttempts">Answers a phase may get (the model settings' <c>MaxAttempts</c>).</param>
/// <param name="Settings">The product's settings (appsettings.json, <c>TARANTOOL_AGENTS_</c> variables), read for <c>Server:*</c>.</param>
public sealed record RunHosting(
    string DataDirectory,
    WorkflowDefinition Workflow,
    Func<BundlePlanner> CreatePlanner,
    int MaxAttempts,
    IConfiguration Settings);
