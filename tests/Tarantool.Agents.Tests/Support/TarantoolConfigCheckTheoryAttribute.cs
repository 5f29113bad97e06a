namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A theory that runs Tarantool's own config code (<see cref="TarantoolConfigCheck"/>): skipped with the reason when
/// tarantool or ../shared's modules are missing, except under CI=true, where the test runs and fails clearly.
/// </summary>
public sealed class TarantoolConfigCheckTheoryAttribute : TheoryAttribute
{
    public TarantoolConfigCheckTheoryAttribute()
    {
        if (TarantoolConfigCheck.MissingReason is { } reason && !ExternalTool.IsCi)
            Skip = reason + "; set CI=true to make this a failure.";
    }
}
