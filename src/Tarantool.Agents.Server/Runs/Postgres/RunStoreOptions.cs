using Npgsql;

namespace Tarantool.Agents.Server.Runs.Postgres;

/// <summary>
/// Section <c>Server</c>: where runs live. <c>sqlite</c> (default) keeps them in the data dir for one server;
/// <c>postgresql</c> keeps them in a database several <c>serve</c> instances share (their data dir must be shared too:
/// bundles and checkpoints are files).
/// </summary>
internal sealed class RunStoreOptions
{
    public const string Sqlite = "sqlite";

    public const string PostgreSql = "postgresql";

    /// <summary><c>sqlite</c> or <c>postgresql</c> (<c>Server:Store</c>).</summary>
    public string Store { get; set; } = Sqlite;

    /// <summary>
    /// The PostgreSQL connection string (<c>Server:ConnectionString</c>, e.g.
    /// <c>Host=db;Database=tarantool_agents;Username=agents;Password=...</c>). A secret: never printed or logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool UsesPostgreSql => string.Equals(Store, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where runs are kept, for <c>serve</c>'s banner (never the password).</summary>
    public string Describe(string dataDirectory) => UsesPostgreSql
        ? $"the {PostgresRunStore.Describe(new NpgsqlConnectionStringBuilder(ConnectionString))}; bundles and checkpoints in {dataDirectory}, which every instance must share"
        : dataDirectory;
}
