namespace Tarantool.Agents.Engine;

public enum PhaseStatus
{
    Succeeded,
    Failed,
    Skipped,
}
