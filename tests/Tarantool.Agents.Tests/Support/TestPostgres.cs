using Npgsql;

namespace Tarantool.Agents.Tests.Support;

/// <summary>
/// The PostgreSQL the tests use. Each test gets a schema of its own (dropped at the end), so tests that claim "the
/// next queued run" never see each other's runs.
/// </summary>
internal sealed class TestPostgres : IAsyncDisposable
{
    public const string Variable = "TARANTOOL_AGENTS_TEST_POSTGRES";

    private readonly string _schema;

    private TestPostgres(string schema, string connectionString)
    {
        _schema = schema;
        ConnectionString = connectionString;
    }

    /// <summary>The configured server, or null when the tests have none.</summary>
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    /// <summary>A connection string whose search path is this test's own schema.</summary>
    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateSchemaAsync()
    {
        var server = ServerConnectionString ?? throw new InvalidOperationException(
            $"{Variable} is not set: these tests need a PostgreSQL (.ci/run installs and starts Debian's postgresql and sets it).");
        var schema = "test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new TestPostgres(schema, new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString);
    }

    /// <summary>Runs a query in this test's schema and returns the first column of each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ServerConnectionString!);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE;", connection);
        await command.ExecuteNonQueryAsync();
    }
}
