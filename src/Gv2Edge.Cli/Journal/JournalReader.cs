using System.Globalization;
using Gv2Edge.Radar.Events;
using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// Queries over a journal file. Each query opens its own short-lived connection, so reading never blocks the writer
/// (WAL) and works from another process while <c>edge run</c> writes.
/// </summary>
public sealed partial class JournalReader
{
    private readonly string _connectionString;

    internal JournalReader(string path)
    {
        Path = path;
        _connectionString = ConnectionString(path, SqliteOpenMode.ReadWrite);
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens an existing journal for reading. Throws <see cref="JournalException"/> with a plain message when the file
    /// is missing, is not an edge journal, or was written by a newer edge.
    /// </summary>
    public static JournalReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new JournalException(
                $"No journal at {path}. 'edge run' or 'edge demo' creates it; set Journal:Path (or EDGE_Journal__Path) to read another file.");
        }

        var reader = new JournalReader(path);
        try
        {
            using SqliteConnection c = reader.Connect();
            int version = JournalSchema.ReadVersion(c);
            if (version == 0 || version > JournalSchema.CurrentVersion)
            {
                throw new JournalException(version == 0
                    ? $"{path} is not an edge journal (it has no journal schema)."
                    : $"The journal {path} has schema version {version}, newer than this edge understands ({JournalSchema.CurrentVersion}). Update edge.");
            }
        }
        catch (SqliteException ex)
        {
            throw new JournalException($"Cannot read the journal {path}: {ex.Message}.", ex);
        }

        return reader;
    }

    /// <summary>Events matching <paramref name="query"/>: the most recent <see cref="JournalQuery.Limit"/>, oldest first.</summary>
    public IReadOnlyList<RadarEvent> QueryEvents(JournalQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using SqliteConnection c = Connect();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT id, time, symbol, type, value, threshold, reason, session, data_quality, priority, extra FROM (
                SELECT * FROM events
                WHERE ($since IS NULL OR time_ms >= $since) AND ($type IS NULL OR type = $type) AND ($symbol IS NULL OR symbol = $symbol)
                ORDER BY time_ms DESC, seq DESC LIMIT $limit)
            ORDER BY time_ms, seq;
            """;
        cmd.Parameters.AddWithValue("$since", (object?)query.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$type", (object?)query.Type?.Trim().ToUpperInvariant() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$symbol", (object?)query.Symbol?.Trim().ToUpperInvariant() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<RadarEvent>();
        while (r.Read())
        {
            list.Add(ReadEvent(r, 0));
        }

        return list;
    }

    /// <summary>
    /// Undelivered alerts with their events, earliest due first (at most <paramref name="limit"/>, default 256), only
    /// for <paramref name="sinks"/> when given (deliveries to a sink not configured now wait for it, untouched).
    /// </summary>
    public IReadOnlyList<PendingDelivery> GetPendingDeliveries(IReadOnlyCollection<string>? sinks = null, int limit = 256)
    {
        using SqliteConnection c = Connect();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT e.id, e.time, e.symbol, e.type, e.value, e.threshold, e.reason, e.session, e.data_quality, e.priority, e.extra,
                   d.sink, d.attempts, d.next_retry_ms
            FROM alert_deliveries d JOIN events e ON e.id = d.event_id
            WHERE d.status = 'undelivered' AND ($all OR d.sink IN (SELECT value FROM json_each($sinks)))
            ORDER BY d.next_retry_ms, d.created_ms LIMIT $limit;
            """;
        cmd.Parameters.AddWithValue("$all", sinks is null);
        cmd.Parameters.AddWithValue("$sinks", System.Text.Json.JsonSerializer.Serialize(sinks ?? []));
        cmd.Parameters.AddWithValue("$limit", limit);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<PendingDelivery>();
        while (r.Read())
        {
            list.Add(new PendingDelivery(ReadEvent(r, 0), r.GetString(11), r.GetInt32(12), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13))));
        }

        return list;
    }

    /// <summary>Every alert delivery (of one event when <paramref name="eventId"/> is given), in creation order.</summary>
    public IReadOnlyList<DeliveryRecord> GetDeliveries(string? eventId = null)
    {
        using SqliteConnection c = Connect();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = """
            SELECT event_id, sink, status, attempts, last_error, next_retry_ms FROM alert_deliveries
            WHERE $id IS NULL OR event_id = $id ORDER BY created_ms, rowid;
            """;
        cmd.Parameters.AddWithValue("$id", (object?)eventId ?? DBNull.Value);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<DeliveryRecord>();
        while (r.Read())
        {
            list.Add(new DeliveryRecord(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2) == "delivered" ? DeliveryStatus.Delivered : DeliveryStatus.Undelivered,
                r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))));
        }

        return list;
    }

    /// <summary>Radar anomalies at or after <paramref name="since"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<AnomalyRecord> QueryAnomalies(DateTimeOffset? since = null, int limit = 1000)
        => Select("SELECT time, symbol, score, types, payload FROM anomalies", since, limit, r => new AnomalyRecord(
            ParseTime(r.GetString(0)),
            r.GetString(1),
            r.GetDouble(2),
            r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
            EventJson.DeserializeMap(r.IsDBNull(4) ? null : r.GetString(4))));

    /// <summary>Options-flow signals at or after <paramref name="since"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<FlowSignalRecord> QueryFlowSignals(DateTimeOffset? since = null, int limit = 1000)
        => Select("SELECT time, symbol, type, score, value, threshold, reason, payload FROM flow_signals", since, limit, r => new FlowSignalRecord(
            ParseTime(r.GetString(0)),
            r.GetString(1),
            r.GetString(2),
            NullableDouble(r, 3),
            NullableDouble(r, 4),
            NullableDouble(r, 5),
            r.GetString(6),
            EventJson.DeserializeMap(r.IsDBNull(7) ? null : r.GetString(7))));

    /// <summary>Connection changes at or after <paramref name="since"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<ConnectionChangeRecord> QueryConnectionChanges(DateTimeOffset? since = null, int limit = 1000)
        => Select("SELECT time, state, detail, server_version FROM connection_changes", since, limit, r => new ConnectionChangeRecord(
            ParseTime(r.GetString(0)),
            r.GetString(1),
            r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetInt32(3)));

    internal static string ConnectionString(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        // No pooling: a closed journal releases its file at once (tests delete it, a second process may reopen it).
        Pooling = false,
        DefaultTimeout = 30,
    }.ToString();

    internal SqliteConnection Connect()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA busy_timeout = 5000;";
        cmd.ExecuteNonQuery();
        return c;
    }

    private List<T> Select<T>(string selectFrom, DateTimeOffset? since, int limit, Func<SqliteDataReader, T> map)
    {
        using SqliteConnection c = Connect();
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = selectFrom + " WHERE $since IS NULL OR time_ms >= $since ORDER BY time_ms, seq LIMIT $limit;";
        cmd.Parameters.AddWithValue("$since", (object?)since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$limit", limit);
        using SqliteDataReader r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(map(r));
        }

        return list;
    }

    internal static RadarEvent ReadEvent(SqliteDataReader r, int o) => new()
    {
        Id = r.GetString(o),
        Time = ParseTime(r.GetString(o + 1)),
        Symbol = r.GetString(o + 2),
        Type = r.GetString(o + 3),
        Value = NullableDouble(r, o + 4),
        Threshold = NullableDouble(r, o + 5),
        Reason = r.GetString(o + 6),
        Session = r.GetString(o + 7),
        DataQuality = r.GetString(o + 8),
        Priority = r.GetString(o + 9),
        Extra = EventJson.DeserializeMap(r.IsDBNull(o + 10) ? null : r.GetString(o + 10)),
    };

    internal static double? NullableDouble(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDouble(i);

    internal static DateTimeOffset ParseTime(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
