namespace Tarantool.Agents.Tests.Support;

/// <summary>Tests that set process environment variables run apart from each other.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class EnvironmentVariables
{
    public const string Collection = "process environment";
}
