using System.Threading.Channels;
using Gv2Edge.Radar.Events;
using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// The journal: an SQLite file in WAL mode with <c>synchronous=FULL</c>, written by one background writer fed by a
/// bounded channel. Every <c>Append…Async</c> completes only after the transaction holding its row has committed
/// (fsync of the WAL included), so an acknowledged row survives a crash, a kill -9 or a power cut. Appends wait
/// when the channel is full (back-pressure, never a silent drop). Reads use their own connections and never block
/// the writer.
/// </summary>
public sealed partial class EdgeJournal : IAsyncDisposable
{
    /// <summary>Appends waiting for the writer before callers are made to wait. Default 4096.</summary>
    public const int DefaultCapacity = 4096;

    // Enough rows per transaction to amortise the fsync, few enough to keep acknowledgement latency low.
    private const int MaxBatch = 512;

    private readonly SqliteConnection _writer;
    private readonly Channel<JournalWrite> _queue;
    private readonly Task _writerLoop;
    private readonly TimeProvider _time;
    private int _disposed;

    private EdgeJournal(string path, SqliteConnection writer, TimeProvider time, int capacity)
    {
        Path = path;
        _writer = writer;
        _time = time;
        Reader = new JournalReader(path);
        _queue = Channel.CreateBounded<JournalWrite>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writerLoop = Task.Run(WriteLoopAsync);
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>Queries over the same file.</summary>
    public JournalReader Reader { get; }

    /// <summary>
    /// Opens (creating if needed) the journal at <paramref name="path"/> and migrates its schema.
    /// <paramref name="time"/> (default <see cref="TimeProvider.System"/>) stamps delivery bookkeeping.
    /// </summary>
    public static EdgeJournal Open(string path, TimeProvider? time = null, int capacity = DefaultCapacity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        SqliteConnection? connection = null;
        try
        {
            string? dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            connection = new SqliteConnection(JournalReader.ConnectionString(path, SqliteOpenMode.ReadWriteCreate));
            connection.Open();
            Exec(connection, "PRAGMA journal_mode = WAL;");
            // FULL: each commit fsyncs the WAL, so "acknowledged" holds across power loss too, not only a process kill.
            Exec(connection, "PRAGMA synchronous = FULL;");
            Exec(connection, "PRAGMA busy_timeout = 5000;");
            JournalSchema.Migrate(connection, path);
            return new EdgeJournal(path, connection, time ?? TimeProvider.System, capacity);
        }
        catch (SqliteException ex)
        {
            connection?.Dispose();
            throw new JournalException($"Cannot open the journal {path}: {ex.Message}. Check Journal:Path and that the file is an edge journal.", ex);
        }
        catch (Exception)
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Journals <paramref name="evt"/> and, in the same transaction, one undelivered alert delivery per sink in
    /// <paramref name="alertSinks"/> (due now). Completes when committed. An event id already journaled is kept as
    /// it was (appends are idempotent). Cancelling stops the wait, not necessarily the write.
    /// </summary>
    public Task AppendEventAsync(RadarEvent evt, IReadOnlyCollection<string>? alertSinks = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evt);
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return EnqueueAsync(new JournalWrite((c, tx) =>
        {
            JournalSql.InsertEvent(c, tx, evt);
            foreach (string sink in alertSinks ?? [])
            {
                JournalSql.InsertDelivery(c, tx, evt.Id, sink, now);
            }
        }), cancellationToken);
    }

    /// <summary>Journals a radar anomaly; completes when committed.</summary>
    public Task AppendAnomalyAsync(AnomalyRecord anomaly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        return EnqueueAsync(new JournalWrite((c, tx) => JournalSql.InsertAnomaly(c, tx, anomaly)), cancellationToken);
    }

    /// <summary>Journals an options-flow signal; completes when committed.</summary>
    public Task AppendFlowSignalAsync(FlowSignalRecord signal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return EnqueueAsync(new JournalWrite((c, tx) => JournalSql.InsertFlowSignal(c, tx, signal)), cancellationToken);
    }

    /// <summary>Journals a connection state change; completes when committed.</summary>
    public Task AppendConnectionChangeAsync(ConnectionChangeRecord change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return EnqueueAsync(new JournalWrite((c, tx) => JournalSql.InsertConnectionChange(c, tx, change)), cancellationToken);
    }

    /// <summary>
    /// Records one delivery attempt: delivered, or failed with <paramref name="error"/> (secrets already masked) and
    /// the time of the next attempt. Completes when committed.
    /// </summary>
    public Task RecordDeliveryAttemptAsync(
        string eventId, string sink, bool delivered, string? error, DateTimeOffset? nextRetry, CancellationToken cancellationToken = default)
    {
        long now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return EnqueueAsync(
            new JournalWrite((c, tx) => JournalSql.UpdateDelivery(c, tx, eventId, sink, delivered, error, nextRetry, now)),
            cancellationToken);
    }

    /// <summary>Events matching <paramref name="query"/>, oldest first.</summary>
    public IReadOnlyList<RadarEvent> QueryEvents(JournalQuery query) => Reader.QueryEvents(query);

    /// <summary>Stops accepting appends, finishes the queued ones, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _writerLoop.ConfigureAwait(false);
        await _writer.DisposeAsync().ConfigureAwait(false);
    }

    private async Task EnqueueAsync(JournalWrite write, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(write, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw new JournalException($"The journal {Path} is closed; nothing more can be written to it.");
        }

        await write.Done.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
