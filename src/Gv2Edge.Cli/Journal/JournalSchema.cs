using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>
/// The journal's schema, versioned with SQLite's <c>user_version</c>: migration <c>i</c> takes the file from version
/// <c>i</c> to <c>i + 1</c>. Append new migrations; never edit a shipped one.
/// </summary>
internal static class JournalSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE events(
            seq INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            time TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            type TEXT NOT NULL,
            value REAL,
            threshold REAL,
            reason TEXT NOT NULL,
            session TEXT NOT NULL,
            data_quality TEXT NOT NULL,
            priority TEXT NOT NULL,
            extra TEXT);
        CREATE INDEX ix_events_time ON events(time_ms);
        CREATE INDEX ix_events_symbol_time ON events(symbol, time_ms);
        CREATE TABLE anomalies(
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            score REAL NOT NULL,
            types TEXT NOT NULL,
            payload TEXT);
        CREATE INDEX ix_anomalies_time ON anomalies(time_ms);
        CREATE TABLE flow_signals(
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            symbol TEXT NOT NULL,
            type TEXT NOT NULL,
            score REAL,
            value REAL,
            threshold REAL,
            reason TEXT NOT NULL,
            payload TEXT);
        CREATE INDEX ix_flow_signals_time ON flow_signals(time_ms);
        CREATE TABLE connection_changes(
            seq INTEGER PRIMARY KEY,
            time TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            state TEXT NOT NULL,
            detail TEXT,
            server_version INTEGER);
        CREATE TABLE alert_deliveries(
            event_id TEXT NOT NULL REFERENCES events(id),
            sink TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('delivered', 'undelivered')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_retry_ms INTEGER,
            created_ms INTEGER NOT NULL,
            updated_ms INTEGER NOT NULL,
            PRIMARY KEY (event_id, sink));
        CREATE INDEX ix_alert_deliveries_pending ON alert_deliveries(status, next_retry_ms);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Brings the file up to <see cref="CurrentVersion"/>, in one transaction per migration.</summary>
    public static void Migrate(SqliteConnection connection, string path)
    {
        int version = ReadVersion(connection);
        if (version > CurrentVersion)
        {
            throw new JournalException(
                $"The journal {path} has schema version {version}, newer than this edge understands ({CurrentVersion}). Update edge or point Journal:Path at another file.");
        }

        for (int v = version; v < CurrentVersion; v++)
        {
            using SqliteTransaction tx = connection.BeginTransaction();
            using SqliteCommand cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
            cmd.ExecuteNonQuery();
            tx.Commit();
        }
    }

    /// <summary>The file's <c>user_version</c>.</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The journal cannot be opened or used; the message says why and what to do.</summary>
public sealed class JournalException(string message, Exception? inner = null) : Exception(message, inner);
