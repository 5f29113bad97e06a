namespace Tarantool.Agents.Server.Mcp;

/// <summary>A step of a plan for the client's progress bar: phases finished so far, of how many, and what happened.</summary>
internal sealed record PlanProgress(int Completed, int Total, string Message);
