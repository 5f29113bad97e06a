using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tarantool.Agents.Server.Runs.Sqlite;

/// <summary>
/// Runs in <c>runs.db</c> (SQLite, WAL) in the data dir. One server owns a data dir at a time (a lock file, released
/// by the operating system when the process dies), so on start every lease left by a killed predecessor is expired
/// at once and its runs resume without waiting for the lease to run out.
/// </summary>
internal sealed class SqliteRunStore : IRunStore, IDisposable
{
    public const string DatabaseFile = "runs.db";
    private const string LockFile = "runs.db.lock";

    // Fixed-width UTC text, so that SQLite compares times as strings in time order.
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private const string Columns =
        "id, status, created_at, started_at, finished_at, submission, request, language, phases, warnings, error, reused_from, owner, lease_until, cancel_requested";

    private readonly string _directory;
    private readonly string _connectionString;
    private FileStream? _lock;

    public SqliteRunStore(string dataDirectory)
    {
        _directory = Path.GetFullPath(dataDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_directory, DatabaseFile),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            Directory.CreateDirectory(_directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunStoreException($"The data dir '{_directory}' cannot be created: {e.Message}", e);
        }

        try
        {
            _lock ??= new FileStream(Path.Combine(_directory, LockFile), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
        }
        catch (IOException e)
        {
            throw new RunStoreException($"Another server is using the data dir '{_directory}'; stop it or choose another --data-dir.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RunStoreException($"The data dir '{_directory}' is not writable: {e.Message}", e);
        }

        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, null, """
            CREATE TABLE IF NOT EXISTS runs (
              ordinal INTEGER PRIMARY KEY AUTOINCREMENT,
              id TEXT NOT NULL UNIQUE,
              status TEXT NOT NULL,
              created_at TEXT NOT NULL,
              started_at TEXT,
              finished_at TEXT,
              submission TEXT NOT NULL,
              request TEXT NOT NULL,
              language TEXT NOT NULL,
              phases TEXT NOT NULL,
              warnings TEXT NOT NULL,
              error TEXT,
              reused_from TEXT,
              owner TEXT,
              lease_until TEXT,
              cancel_requested INTEGER NOT NULL DEFAULT 0,
              last_sequence INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX IF NOT EXISTS runs_by_status ON runs (status, ordinal);
            CREATE TABLE IF NOT EXISTS run_events (
              run_id TEXT NOT NULL,
              sequence INTEGER NOT NULL,
              type TEXT NOT NULL,
              data TEXT NOT NULL,
              PRIMARY KEY (run_id, sequence)) WITHOUT ROWID;
            """, cancellationToken);
        // We hold the data dir's lock, so whoever held these leases is dead: make its runs claimable now.
        await ExecuteAsync(connection, null, "UPDATE runs SET owner = NULL, lease_until = '0000' WHERE status = 'running';", cancellationToken);
    }

    public async Task CreateAsync(StoredRun run, string queuedEventData, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, transaction, $"""
            INSERT INTO runs ({Columns}, last_sequence)
            VALUES (@id, @status, @created_at, @started_at, @finished_at, @submission, @request, @language, @phases, @warnings, @error, @reused_from, NULL, NULL, 0, 0);
            """))
        {
            command.Parameters.AddWithValue("@id", run.Id);
            command.Parameters.AddWithValue("@status", run.Status);
            command.Parameters.AddWithValue("@created_at", Time(run.CreatedAt));
            command.Parameters.AddWithValue("@started_at", (object?)Time(run.StartedAt) ?? DBNull.Value);
            command.Parameters.AddWithValue("@finished_at", (object?)Time(run.FinishedAt) ?? DBNull.Value);
            command.Parameters.AddWithValue("@submission", run.SubmissionJson);
            command.Parameters.AddWithValue("@request", run.RequestJson);
            command.Parameters.AddWithValue("@language", run.Language);
            command.Parameters.AddWithValue("@phases", run.PhasesJson);
            command.Parameters.AddWithValue("@warnings", run.WarningsJson);
            command.Parameters.AddWithValue("@error", (object?)run.Error ?? DBNull.Value);
            command.Parameters.AddWithValue("@reused_from", (object?)run.ReusedFrom ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await AppendAsync(connection, transaction, run.Id, RunEventTypes.RunQueued, queuedEventData, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<StoredRun?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {Columns} FROM runs WHERE id = @id;");
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredRun>> ListAsync(int limit, string? after, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT {Columns} FROM runs
            WHERE @after IS NULL OR ordinal < (SELECT ordinal FROM runs WHERE id = @after)
            ORDER BY ordinal DESC LIMIT @limit;
            """);
        command.Parameters.AddWithValue("@after", (object?)after ?? DBNull.Value);
        command.Parameters.AddWithValue("@limit", limit);
        var runs = new List<StoredRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) runs.Add(Read(reader));
        return runs;
    }

    public async Task<RunEvent> AppendEventAsync(string id, string type, string data, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var appended = await AppendAsync(connection, transaction, id, type, data, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return appended;
    }

    public async Task<IReadOnlyList<RunEvent>> ReadEventsAsync(string id, long afterSequence, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT sequence, type, data FROM run_events WHERE run_id = @id AND sequence > @after ORDER BY sequence;");
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@after", afterSequence);
        var events = new List<RunEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new RunEvent(reader.GetInt64(0), reader.GetString(1), Parse(reader.GetString(2))));
        return events;
    }

    public async Task<RunEvent?> UpdateAsync(RunUpdate update, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = Command(connection, transaction, """
            UPDATE runs SET status = @status, finished_at = @finished_at, phases = @phases, warnings = @warnings, error = @error,
              owner = CASE WHEN @release THEN NULL ELSE owner END,
              lease_until = CASE WHEN @release THEN NULL ELSE lease_until END
            WHERE id = @id AND owner = @owner AND status = 'running';
            """))
        {
            command.Parameters.AddWithValue("@id", update.Id);
            command.Parameters.AddWithValue("@owner", update.Owner);
            command.Parameters.AddWithValue("@status", update.Status);
            command.Parameters.AddWithValue("@finished_at", (object?)Time(update.FinishedAt) ?? DBNull.Value);
            command.Parameters.AddWithValue("@phases", update.PhasesJson);
            command.Parameters.AddWithValue("@warnings", update.WarningsJson);
            command.Parameters.AddWithValue("@error", (object?)update.Error ?? DBNull.Value);
            command.Parameters.AddWithValue("@release", update.ReleaseLease);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0) return null;
        }

        var appended = update.EventType is { } type
            ? await AppendAsync(connection, transaction, update.Id, type, update.EventData ?? "{}", cancellationToken)
            : new RunEvent(0, "", default);
        await transaction.CommitAsync(cancellationToken);
        return appended;
    }

    public async Task<StoredRun?> ClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // One statement: SQLite has a single writer, so no two claimers can take the same row.
        await using var command = Command(connection, null, $"""
            UPDATE runs SET status = 'running', owner = @owner, lease_until = @until, started_at = COALESCE(started_at, @now)
            WHERE ordinal = (
              SELECT ordinal FROM runs
              WHERE status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < @now))
              ORDER BY ordinal LIMIT 1)
            RETURNING {Columns};
            """);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@now", Time(now));
        command.Parameters.AddWithValue("@until", Time(now + lease));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<LeaseState> RenewLeaseAsync(string id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            UPDATE runs SET lease_until = @until WHERE id = @id AND owner = @owner AND status = 'running'
            RETURNING cancel_requested;
            """);
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@owner", owner);
        command.Parameters.AddWithValue("@until", Time(now + lease));
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result is null or DBNull ? LeaseState.Lost : Convert.ToInt64(result, CultureInfo.InvariantCulture) != 0 ? LeaseState.CancelRequested : LeaseState.Held;
    }

    public async Task<CancelOutcome> CancelAsync(string id, DateTimeOffset now, string cancelledEventData, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        string? status;
        await using (var select = Command(connection, transaction, "SELECT status FROM runs WHERE id = @id;"))
        {
            select.Parameters.AddWithValue("@id", id);
            status = await select.ExecuteScalarAsync(cancellationToken) as string;
        }

        CancelOutcome outcome;
        if (status == RunStatus.Queued)
        {
            await using var command = Command(connection, transaction, "UPDATE runs SET status = 'cancelled', finished_at = @now WHERE id = @id;");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@now", Time(now));
            await command.ExecuteNonQueryAsync(cancellationToken);
            await AppendAsync(connection, transaction, id, RunEventTypes.RunCancelled, cancelledEventData, cancellationToken);
            outcome = CancelOutcome.Cancelled;
        }
        else if (status == RunStatus.Running)
        {
            await using var command = Command(connection, transaction, "UPDATE runs SET cancel_requested = 1 WHERE id = @id;");
            command.Parameters.AddWithValue("@id", id);
            await command.ExecuteNonQueryAsync(cancellationToken);
            outcome = CancelOutcome.Requested;
        }
        else
        {
            outcome = CancelOutcome.NotActive;
        }

        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    public async Task<IReadOnlyList<string>> DeleteFinishedAsync(DateTimeOffset finishedBefore, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<string>();
        await using (var select = Command(connection, transaction, """
            SELECT id FROM runs
            WHERE status IN ('succeeded', 'failed', 'cancelled') AND finished_at IS NOT NULL AND finished_at < @before
            ORDER BY ordinal LIMIT @limit;
            """))
        {
            select.Parameters.AddWithValue("@before", Time(finishedBefore));
            select.Parameters.AddWithValue("@limit", limit);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
        }

        foreach (var id in ids)
        {
            await using var delete = Command(connection, transaction, "DELETE FROM run_events WHERE run_id = @id; DELETE FROM runs WHERE id = @id;");
            delete.Parameters.AddWithValue("@id", id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return ids;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
        // Pooled connections keep the WAL files open; close them so the data dir can be reused or removed.
        SqliteConnection.ClearAllPools();
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync();
            throw new RunStoreException($"The run store '{Path.Combine(_directory, DatabaseFile)}' cannot be opened: {e.Message}", e);
        }

        return connection;
    }

    private static async Task<RunEvent> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, string id, string type, string data, CancellationToken cancellationToken)
    {
        long sequence;
        await using (var next = Command(connection, transaction, "UPDATE runs SET last_sequence = last_sequence + 1 WHERE id = @id RETURNING last_sequence;"))
        {
            next.Parameters.AddWithValue("@id", id);
            sequence = Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"No run '{id}'."), CultureInfo.InvariantCulture);
        }

        await using var insert = Command(connection, transaction, "INSERT INTO run_events (run_id, sequence, type, data) VALUES (@id, @sequence, @type, @data);");
        insert.Parameters.AddWithValue("@id", id);
        insert.Parameters.AddWithValue("@sequence", sequence);
        insert.Parameters.AddWithValue("@type", type);
        insert.Parameters.AddWithValue("@data", data);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return new RunEvent(sequence, type, Parse(data));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static StoredRun Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        ParseTime(reader.GetString(2)),
        reader.IsDBNull(3) ? null : ParseTime(reader.GetString(3)),
        reader.IsDBNull(4) ? null : ParseTime(reader.GetString(4)),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9),
        reader.IsDBNull(10) ? null : reader.GetString(10),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        reader.IsDBNull(12) ? null : reader.GetString(12),
        reader.IsDBNull(13) || reader.GetString(13).Length < TimeFormat.Length - 8 ? null : ParseTime(reader.GetString(13)),
        reader.GetInt64(14) != 0);

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string? Time(DateTimeOffset? time) => time?.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
