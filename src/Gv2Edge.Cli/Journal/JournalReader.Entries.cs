using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>Every kind of row in one time-ordered list, filtered in SQL per table (<c>edge journal</c>).</summary>
public sealed partial class JournalReader
{
    /// <summary>Rows of every asked kind matching <paramref name="query"/>: the most recent <see cref="JournalEntryQuery.Limit"/>, oldest first.</summary>
    public IReadOnlyList<JournalEntry> QueryEntries(JournalEntryQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? type = query.Type?.Trim().ToUpperInvariant();
        string? symbol = query.Symbol?.Trim().ToUpperInvariant();
        var all = new List<(JournalEntry Entry, int Table, long Seq)>();
        using SqliteConnection c = Connect();
        foreach (JournalKind kind in query.Kinds.Distinct())
        {
            if (kind == JournalKind.Connection && symbol is not null)
            {
                continue;
            }

            using SqliteCommand cmd = c.CreateCommand();
            cmd.CommandText = Sql(kind);
            cmd.Parameters.AddWithValue("$since", (object?)query.Since?.ToUnixTimeMilliseconds() ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$type", (object?)type ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$symbol", (object?)symbol ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$limit", Math.Max(0, query.Limit));
            using SqliteDataReader r = cmd.ExecuteReader();
            while (r.Read())
            {
                JournalEntry entry = Read(kind, r);
                all.Add((entry, (int)kind, r.GetInt64(r.FieldCount - 1)));
            }
        }

        return [.. all.OrderByDescending(x => x.Entry.Time).ThenByDescending(x => x.Table).ThenByDescending(x => x.Seq)
            .Take(Math.Max(0, query.Limit)).Reverse().Select(x => x.Entry)];
    }

    // Each query ends with its order key so ties keep insertion order; the newest rows first, at most $limit.
    private static string Sql(JournalKind kind) => kind switch
    {
        JournalKind.Event => """
            SELECT id, time, symbol, type, value, threshold, reason, session, data_quality, priority, extra, seq FROM events
            WHERE ($since IS NULL OR time_ms >= $since) AND ($type IS NULL OR type = $type) AND ($symbol IS NULL OR symbol = $symbol)
            ORDER BY time_ms DESC, seq DESC LIMIT $limit;
            """,
        JournalKind.Anomaly => """
            SELECT time, symbol, score, types, payload, seq FROM anomalies
            WHERE ($since IS NULL OR time_ms >= $since) AND ($symbol IS NULL OR symbol = $symbol)
              AND ($type IS NULL OR (',' || types || ',') LIKE ('%,' || $type || ',%'))
            ORDER BY time_ms DESC, seq DESC LIMIT $limit;
            """,
        JournalKind.Flow => """
            SELECT time, symbol, type, score, value, threshold, reason, payload, seq FROM flow_signals
            WHERE ($since IS NULL OR time_ms >= $since) AND ($type IS NULL OR type = $type) AND ($symbol IS NULL OR symbol = $symbol)
            ORDER BY time_ms DESC, seq DESC LIMIT $limit;
            """,
        JournalKind.Connection => """
            SELECT time, state, detail, server_version, seq FROM connection_changes
            WHERE ($since IS NULL OR time_ms >= $since) AND ($type IS NULL OR upper(state) = $type)
            ORDER BY time_ms DESC, seq DESC LIMIT $limit;
            """,
        _ => """
            SELECT d.event_id, d.sink, d.status, d.attempts, d.last_error, d.next_retry_ms, e.symbol, e.type, d.created_ms, d.updated_ms, d.rowid
            FROM alert_deliveries d JOIN events e ON e.id = d.event_id
            WHERE ($since IS NULL OR d.updated_ms >= $since) AND ($type IS NULL OR e.type = $type) AND ($symbol IS NULL OR e.symbol = $symbol)
            ORDER BY d.updated_ms DESC, d.rowid DESC LIMIT $limit;
            """,
    };

    private static JournalEntry Read(JournalKind kind, SqliteDataReader r)
    {
        switch (kind)
        {
            case JournalKind.Event:
                var e = ReadEvent(r, 0);
                return new JournalEntry(kind, e.Time, e);
            case JournalKind.Anomaly:
                var a = new AnomalyRecord(ParseTime(r.GetString(0)), r.GetString(1), r.GetDouble(2),
                    r.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries), EventJson.DeserializeMap(r.IsDBNull(4) ? null : r.GetString(4)));
                return new JournalEntry(kind, a.Time, a);
            case JournalKind.Flow:
                var f = new FlowSignalRecord(ParseTime(r.GetString(0)), r.GetString(1), r.GetString(2), NullableDouble(r, 3), NullableDouble(r, 4),
                    NullableDouble(r, 5), r.GetString(6), EventJson.DeserializeMap(r.IsDBNull(7) ? null : r.GetString(7)));
                return new JournalEntry(kind, f.Time, f);
            case JournalKind.Connection:
                var c = new ConnectionChangeRecord(ParseTime(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt32(3));
                return new JournalEntry(kind, c.Time, c);
            default:
                var d = new DeliveryRecord(r.GetString(0), r.GetString(1),
                    r.GetString(2) == "delivered" ? DeliveryStatus.Delivered : DeliveryStatus.Undelivered, r.GetInt32(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)));
                var alert = new AlertEntry(d, r.GetString(6), r.GetString(7), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)),
                    DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(9)));
                return new JournalEntry(kind, alert.Updated, alert);
        }
    }
}
