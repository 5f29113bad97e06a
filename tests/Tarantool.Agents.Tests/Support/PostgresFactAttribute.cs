namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// A fact that needs a real PostgreSQL (<see cref="TestPostgres.Variable"/>, which <c>.ci/run</c> exports after
/// starting Debian's cluster): skipped with the reason when the variable is unset, except under CI=true where the
/// test runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestPostgres.ServerConnectionString is null && !ExternalTool.IsCi)
            Skip = $"No PostgreSQL for the tests: set {TestPostgres.Variable} to a connection string (.ci/run starts Debian's postgresql and sets it); set CI=true to make this a failure.";
    }
}
