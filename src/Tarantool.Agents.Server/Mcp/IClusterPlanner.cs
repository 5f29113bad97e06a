using Tarantool.Agents.Intake;

namespace Tarantool.Agents.Server.Mcp;

/// <summary>
/// Runs the ten phases for <c>plan_cluster</c>: in-process into a folder for the stdio server, through the run
/// service for <c>/mcp</c> on <c>serve</c>. Called only with input whose intake resolved without errors.
/// </summary>
internal interface IClusterPlanner
{
    /// <summary>Plans the request, reporting each phase's end through <paramref name="progress"/>.</summary>
    Task<PlanOutcome> PlanAsync(IntakeInput input, IntakeResult intake, Func<PlanProgress, ValueTask> progress, CancellationToken cancellationToken = default);
}
