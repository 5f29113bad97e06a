using Microsoft.Extensions.Options;
using Npgsql;

namespace Tarantool.Agents.Server.Runs.Postgres;

/// <summary>Checks <c>Server:Store</c> and <c>Server:ConnectionString</c> at start-up; messages never quote the connection string.</summary>
internal sealed class RunStoreOptionsValidator : IValidateOptions<RunStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, RunStoreOptions options)
    {
        var errors = new List<string>();
        var hasConnection = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (options.UsesPostgreSql)
        {
            if (!hasConnection)
            {
                errors.Add("Server:Store is postgresql but Server:ConnectionString is not set (e.g. TARANTOOL_AGENTS_Server__ConnectionString='Host=db;Database=tarantool_agents;Username=agents;Password=...').");
            }
            else
            {
                try
                {
                    var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                    if (string.IsNullOrWhiteSpace(builder.Host)) errors.Add("Server:ConnectionString names no Host.");
                }
                catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
                {
                    errors.Add($"Server:ConnectionString is not a valid PostgreSQL connection string: {e.Message}");
                }
            }
        }
        else if (!string.Equals(options.Store, RunStoreOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Server:Store '{options.Store}' is not '{RunStoreOptions.Sqlite}' or '{RunStoreOptions.PostgreSql}'.");
        }
        else if (hasConnection)
        {
            // Runs would quietly stay in the data dir while the operator believes they are shared.
            errors.Add("Server:ConnectionString is set but Server:Store is sqlite; set Server:Store=postgresql to use it, or remove it.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
