using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Tarantool.Agents.Server.Runs.Postgres;

/// <summary>
/// Runs in PostgreSQL, shared by every <c>serve</c> instance configured with the same database. A queued run is
/// claimed with <c>FOR UPDATE SKIP LOCKED</c> (concurrent claimers skip each other's rows instead of waiting, and a
/// row another claimer has just taken no longer matches when it is re-checked), and held by a lease its instance
/// renews; when an instance dies its lease runs out and another instance claims the run and resumes it from the
/// checkpoints in the shared data dir. Unlike SQLite, start-up expires no leases: other instances may be alive.
/// </summary>
internal sealed class PostgresRunStore : IRunStore, IAsyncDisposable, IDisposable
{
    // pg_advisory_xact_lock key serialising schema creation when several instances start at once ("TARAGNTS").
    private const long SchemaLock = 0x5441524147_4E5453;

    private const string Columns =
        "id, status, created_at, started_at, finished_at, submission, request, language, phases, warnings, error, reused_from, owner, lease_until, cancel_requested";

    private readonly NpgsqlDataSource _source;
    private readonly string _where;

    public PostgresRunStore(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            // The message names the bad keyword; the connection string itself (it may hold a password) is not repeated.
            throw new RunStoreException($"Server:ConnectionString is not a valid PostgreSQL connection string: {e.Message}", e);
        }

        _where = Describe(builder);
        _source = NpgsqlDataSource.Create(builder);
    }

    /// <summary>Where the store is, for messages: host, port, database and user, never the password.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL database '{builder.Database}' on {builder.Host}:{builder.Port} as '{builder.Username}'";

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock});", cancellationToken);
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS runs (
                  ordinal bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  id text NOT NULL UNIQUE,
                  status text NOT NULL,
                  created_at timestamptz NOT NULL,
                  started_at timestamptz,
                  finished_at timestamptz,
                  submission text NOT NULL,
                  request text NOT NULL,
                  language text NOT NULL,
                  phases text NOT NULL,
                  warnings text NOT NULL,
                  error text,
                  reused_from text,
                  owner text,
                  lease_until timestamptz,
                  cancel_requested boolean NOT NULL DEFAULT false,
                  last_sequence bigint NOT NULL DEFAULT 0);
                CREATE INDEX IF NOT EXISTS runs_claimable ON runs (ordinal) WHERE status IN ('queued', 'running');
                CREATE TABLE IF NOT EXISTS run_events (
                  run_id text NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                  sequence bigint NOT NULL,
                  type text NOT NULL,
                  data text NOT NULL,
                  PRIMARY KEY (run_id, sequence));
                """, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, "open");
    }

    public Task CreateAsync(StoredRun run, string queuedEventData, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = Command(connection, transaction, $"""
                INSERT INTO runs ({Columns}, last_sequence)
                VALUES (@id, @status, @created_at, @started_at, @finished_at, @submission, @request, @language, @phases, @warnings, @error, @reused_from, NULL, NULL, false, 0);
                """))
            {
                command.Parameters.AddWithValue("id", run.Id);
                command.Parameters.AddWithValue("status", run.Status);
                command.Parameters.AddWithValue("created_at", Utc(run.CreatedAt));
                Time(command, "started_at", run.StartedAt);
                Time(command, "finished_at", run.FinishedAt);
                command.Parameters.AddWithValue("submission", run.SubmissionJson);
                command.Parameters.AddWithValue("request", run.RequestJson);
                command.Parameters.AddWithValue("language", run.Language);
                command.Parameters.AddWithValue("phases", run.PhasesJson);
                command.Parameters.AddWithValue("warnings", run.WarningsJson);
                Text(command, "error", run.Error);
                Text(command, "reused_from", run.ReusedFrom);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await AppendAsync(connection, transaction, run.Id, RunEventTypes.RunQueued, queuedEventData, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, "write");

    public Task<StoredRun?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, $"SELECT {Columns} FROM runs WHERE id = @id;");
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, "read");

    public Task<IReadOnlyList<StoredRun>> ListAsync(int limit, string? after, CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<StoredRun>>(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, $"""
                SELECT {Columns} FROM runs
                WHERE @after::text IS NULL OR ordinal < (SELECT ordinal FROM runs WHERE id = @after::text)
                ORDER BY ordinal DESC LIMIT @limit;
                """);
            Text(command, "after", after);
            command.Parameters.AddWithValue("limit", limit);
            var runs = new List<StoredRun>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) runs.Add(Read(reader));
            return runs;
        }, "read");

    public Task<RunEvent> AppendEventAsync(string id, string type, string data, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var appended = await AppendAsync(connection, transaction, id, type, data, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return appended;
        }, "write");

    public Task<IReadOnlyList<RunEvent>> ReadEventsAsync(string id, long afterSequence, CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<RunEvent>>(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT sequence, type, data FROM run_events WHERE run_id = @id AND sequence > @after ORDER BY sequence;");
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("after", afterSequence);
            var events = new List<RunEvent>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                events.Add(new RunEvent(reader.GetInt64(0), reader.GetString(1), Parse(reader.GetString(2))));
            return events;
        }, "read");

    public Task<RunEvent?> UpdateAsync(RunUpdate update, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = Command(connection, transaction, """
                UPDATE runs SET status = @status, finished_at = @finished_at, phases = @phases, warnings = @warnings, error = @error,
                  owner = CASE WHEN @release THEN NULL ELSE owner END,
                  lease_until = CASE WHEN @release THEN NULL ELSE lease_until END
                WHERE id = @id AND owner = @owner AND status = 'running';
                """))
            {
                command.Parameters.AddWithValue("id", update.Id);
                command.Parameters.AddWithValue("owner", update.Owner);
                command.Parameters.AddWithValue("status", update.Status);
                Time(command, "finished_at", update.FinishedAt);
                command.Parameters.AddWithValue("phases", update.PhasesJson);
                command.Parameters.AddWithValue("warnings", update.WarningsJson);
                Text(command, "error", update.Error);
                command.Parameters.AddWithValue("release", update.ReleaseLease);
                if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) return null;
            }

            RunEvent? appended = update.EventType is { } type
                ? await AppendAsync(connection, transaction, update.Id, type, update.EventData ?? "{}", cancellationToken)
                : new RunEvent(0, "", default);
            await transaction.CommitAsync(cancellationToken);
            return appended;
        }, "write");

    public Task<StoredRun?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            // SKIP LOCKED: a row another instance is claiming right now is passed over rather than waited for. Under
            // READ COMMITTED a row that instance has already committed is re-read before it is locked here, and no
            // longer matches (running, lease in the future), so one run is never claimed twice.
            await using var command = Command(connection, null, $"""
                WITH next AS (
                  SELECT ordinal FROM runs
                  WHERE status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < @now))
                  ORDER BY ordinal LIMIT 1
                  FOR UPDATE SKIP LOCKED)
                UPDATE runs SET status = 'running', owner = @owner, lease_until = @until, started_at = COALESCE(started_at, @now)
                FROM next WHERE runs.ordinal = next.ordinal
                RETURNING {Qualified("runs")};
                """);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("now", Utc(now));
            command.Parameters.AddWithValue("until", Utc(now + lease));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }, "claim");

    public Task<LeaseState> RenewLeaseAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, """
                UPDATE runs SET lease_until = @until WHERE id = @id AND owner = @owner AND status = 'running'
                RETURNING cancel_requested;
                """);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("until", Utc(now + lease));
            var result = await command.ExecuteScalarAsync(cancellationToken);
            return result is bool cancel ? cancel ? LeaseState.CancelRequested : LeaseState.Held : LeaseState.Lost;
        }, "renew a lease in");

    public Task<CancelOutcome> CancelAsync(string id, DateTimeOffset now, string cancelledEventData, CancellationToken cancellationToken = default) =>
        GuardAsync(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            string? status;
            // FOR UPDATE: a claimer cannot turn the queued run into a running one between this read and the write.
            await using (var select = Command(connection, transaction, "SELECT status FROM runs WHERE id = @id FOR UPDATE;"))
            {
                select.Parameters.AddWithValue("id", id);
                status = await select.ExecuteScalarAsync(cancellationToken) as string;
            }

            CancelOutcome outcome;
            if (status == RunStatus.Queued)
            {
                await using var command = Command(connection, transaction, "UPDATE runs SET status = 'cancelled', finished_at = @now WHERE id = @id;");
                command.Parameters.AddWithValue("id", id);
                command.Parameters.AddWithValue("now", Utc(now));
                await command.ExecuteNonQueryAsync(cancellationToken);
                await AppendAsync(connection, transaction, id, RunEventTypes.RunCancelled, cancelledEventData, cancellationToken);
                outcome = CancelOutcome.Cancelled;
            }
            else if (status == RunStatus.Running)
            {
                await using var command = Command(connection, transaction, "UPDATE runs SET cancel_requested = true WHERE id = @id;");
                command.Parameters.AddWithValue("id", id);
                await command.ExecuteNonQueryAsync(cancellationToken);
                outcome = CancelOutcome.Requested;
            }
            else
            {
                outcome = CancelOutcome.NotActive;
            }

            await transaction.CommitAsync(cancellationToken);
            return outcome;
        }, "write");

    public Task<IReadOnlyList<string>> DeleteFinishedAsync(DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken = default) =>
        GuardAsync<IReadOnlyList<string>>(async () =>
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken);
            // SKIP LOCKED: instances sweeping at once take different rows; the events go with ON DELETE CASCADE.
            await using var command = Command(connection, null, """
                DELETE FROM runs WHERE id IN (
                  SELECT id FROM runs
                  WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at IS NOT NULL AND finished_at < @before
                  ORDER BY ordinal LIMIT @limit FOR UPDATE SKIP LOCKED)
                RETURNING id;
                """);
            Time(command, "before", finishedBefore);
            command.Parameters.AddWithValue("limit", limit);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            return ids;
        }, "delete old runs from");

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    public void Dispose() => _source.Dispose();

    private static async Task<RunEvent> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string id, string type, string data, CancellationToken cancellationToken)
    {
        long sequence;
        // The row lock this UPDATE takes orders concurrent appends to one run: sequences have no gaps or duplicates.
        await using (var next = Command(connection, transaction, "UPDATE runs SET last_sequence = last_sequence + 1 WHERE id = @id RETURNING last_sequence;"))
        {
            next.Parameters.AddWithValue("id", id);
            sequence = await next.ExecuteScalarAsync(cancellationToken) as long? ?? throw new InvalidOperationException($"No run '{id}'.");
        }

        await using var insert = Command(connection, transaction, "INSERT INTO run_events (run_id, sequence, type, data) VALUES (@id, @sequence, @type, @data);");
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("sequence", sequence);
        insert.Parameters.AddWithValue("type", type);
        insert.Parameters.AddWithValue("data", data);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new RunEvent(sequence, type, Parse(data));
    }

    /// <summary>
    /// PostgreSQL failures become <see cref="RunStoreException"/>, which the executor and <c>serve</c> know how to
    /// report (and, for a briefly unreachable database, ride out), saying where the store is but not its password.
    /// </summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> action, string doing)
    {
        try
        {
            return await action();
        }
        catch (NpgsqlException e)
        {
            throw new RunStoreException($"Cannot {doing} the run store ({_where}): {e.Message}", e);
        }
    }

    private Task GuardAsync(Func<Task> action, string doing) => GuardAsync(async () =>
    {
        await action();
        return true;
    }, doing);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql) =>
        new(sql, connection, transaction);

    private static string Qualified(string table) => string.Join(", ", Columns.Split(", ").Select(c => table + "." + c));

    private static void Text(NpgsqlCommand command, string name, string? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    private static void Time(NpgsqlCommand command, string name, DateTimeOffset? value) =>
        command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = value is { } time ? Utc(time) : DBNull.Value });

    // Npgsql writes timestamptz only from UTC values.
    private static DateTimeOffset Utc(DateTimeOffset time) => time.ToUniversalTime();

    private static StoredRun Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetFieldValue<DateTimeOffset>(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
        reader.GetBoolean(14));

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
