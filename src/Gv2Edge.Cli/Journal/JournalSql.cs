using System.Globalization;
using Gv2Edge.Radar.Events;
using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>The journal's write statements. Times are stored twice: ISO-8601 text with the original offset, and Unix ms for range queries.</summary>
internal static class JournalSql
{
    public static void InsertEvent(SqliteConnection c, SqliteTransaction tx, RadarEvent e)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT OR IGNORE INTO events(id, time, time_ms, symbol, type, value, threshold, reason, session, data_quality, priority, extra)
            VALUES ($id, $time, $ms, $symbol, $type, $value, $threshold, $reason, $session, $dq, $priority, $extra);
            """);
        cmd.Parameters.AddWithValue("$id", e.Id);
        AddTime(cmd, e.Time);
        cmd.Parameters.AddWithValue("$symbol", e.Symbol);
        cmd.Parameters.AddWithValue("$type", e.Type);
        cmd.Parameters.AddWithValue("$value", Db(e.Value));
        cmd.Parameters.AddWithValue("$threshold", Db(e.Threshold));
        cmd.Parameters.AddWithValue("$reason", e.Reason);
        cmd.Parameters.AddWithValue("$session", e.Session);
        cmd.Parameters.AddWithValue("$dq", e.DataQuality);
        cmd.Parameters.AddWithValue("$priority", e.Priority);
        cmd.Parameters.AddWithValue("$extra", (object?)EventJson.SerializeMap(e.Extra) ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    public static void InsertDelivery(SqliteConnection c, SqliteTransaction tx, string eventId, string sink, long nowMs)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT OR IGNORE INTO alert_deliveries(event_id, sink, status, attempts, next_retry_ms, created_ms, updated_ms)
            VALUES ($id, $sink, 'undelivered', 0, $now, $now, $now);
            """);
        cmd.Parameters.AddWithValue("$id", eventId);
        cmd.Parameters.AddWithValue("$sink", sink);
        cmd.Parameters.AddWithValue("$now", nowMs);
        cmd.ExecuteNonQuery();
    }

    public static void UpdateDelivery(
        SqliteConnection c, SqliteTransaction tx, string eventId, string sink, bool delivered, string? error, DateTimeOffset? nextRetry, long nowMs)
    {
        using SqliteCommand cmd = Command(c, tx, """
            UPDATE alert_deliveries
            SET status = $status, attempts = attempts + 1, last_error = $error, next_retry_ms = $next, updated_ms = $now
            WHERE event_id = $id AND sink = $sink;
            """);
        cmd.Parameters.AddWithValue("$status", delivered ? "delivered" : "undelivered");
        cmd.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$next", delivered ? DBNull.Value : (nextRetry ?? DateTimeOffset.FromUnixTimeMilliseconds(nowMs)).ToUnixTimeMilliseconds());
        cmd.Parameters.AddWithValue("$now", nowMs);
        cmd.Parameters.AddWithValue("$id", eventId);
        cmd.Parameters.AddWithValue("$sink", sink);
        if (cmd.ExecuteNonQuery() == 0)
        {
            throw new ArgumentException($"No alert delivery of event {eventId} to {sink} is journaled.");
        }
    }

    public static void InsertAnomaly(SqliteConnection c, SqliteTransaction tx, AnomalyRecord a)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT INTO anomalies(time, time_ms, symbol, score, types, payload) VALUES ($time, $ms, $symbol, $score, $types, $payload);
            """);
        AddTime(cmd, a.Time);
        cmd.Parameters.AddWithValue("$symbol", a.Symbol);
        cmd.Parameters.AddWithValue("$score", a.Score);
        cmd.Parameters.AddWithValue("$types", string.Join(',', a.Types));
        cmd.Parameters.AddWithValue("$payload", (object?)EventJson.SerializeMap(a.Payload) ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    public static void InsertFlowSignal(SqliteConnection c, SqliteTransaction tx, FlowSignalRecord s)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT INTO flow_signals(time, time_ms, symbol, type, score, value, threshold, reason, payload)
            VALUES ($time, $ms, $symbol, $type, $score, $value, $threshold, $reason, $payload);
            """);
        AddTime(cmd, s.Time);
        cmd.Parameters.AddWithValue("$symbol", s.Symbol);
        cmd.Parameters.AddWithValue("$type", s.Type);
        cmd.Parameters.AddWithValue("$score", Db(s.Score));
        cmd.Parameters.AddWithValue("$value", Db(s.Value));
        cmd.Parameters.AddWithValue("$threshold", Db(s.Threshold));
        cmd.Parameters.AddWithValue("$reason", s.Reason);
        cmd.Parameters.AddWithValue("$payload", (object?)EventJson.SerializeMap(s.Payload) ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    public static void InsertConnectionChange(SqliteConnection c, SqliteTransaction tx, ConnectionChangeRecord r)
    {
        using SqliteCommand cmd = Command(c, tx, """
            INSERT INTO connection_changes(time, time_ms, state, detail, server_version) VALUES ($time, $ms, $state, $detail, $sv);
            """);
        AddTime(cmd, r.Time);
        cmd.Parameters.AddWithValue("$state", r.State);
        cmd.Parameters.AddWithValue("$detail", (object?)r.Detail ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$sv", (object?)r.ServerVersion ?? DBNull.Value);
        cmd.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        SqliteCommand cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void AddTime(SqliteCommand cmd, DateTimeOffset time)
    {
        cmd.Parameters.AddWithValue("$time", time.ToString("o", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$ms", time.ToUnixTimeMilliseconds());
    }

    private static object Db(double? v) => v is { } d && double.IsFinite(d) ? d : DBNull.Value;
}
