using Microsoft.Data.Sqlite;

namespace Gv2Edge.Cli.Journal;

/// <summary>The single writer: batches queued appends into one transaction and acknowledges them after commit.</summary>
public sealed partial class EdgeJournal
{
    private async Task WriteLoopAsync()
    {
        var batch = new List<JournalWrite>(MaxBatch);
        var failures = new Dictionary<JournalWrite, Exception>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            failures.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out JournalWrite? w))
            {
                batch.Add(w);
            }

            try
            {
                using SqliteTransaction tx = _writer.BeginTransaction();
                foreach (JournalWrite w in batch)
                {
                    // A savepoint per append: one bad row fails alone and never half-commits.
                    Exec(_writer, tx, "SAVEPOINT w;");
                    try
                    {
                        w.Apply(_writer, tx);
                        Exec(_writer, tx, "RELEASE w;");
                    }
                    catch (Exception ex) when (ex is SqliteException or NotSupportedException or System.Text.Json.JsonException or ArgumentException)
                    {
                        Exec(_writer, tx, "ROLLBACK TO w;");
                        Exec(_writer, tx, "RELEASE w;");
                        failures[w] = new JournalException($"The journal rejected a row: {ex.Message}", ex);
                    }
                }

                tx.Commit();
            }
            catch (Exception ex)
            {
                var failure = new JournalException($"Writing to the journal {Path} failed: {ex.Message}", ex);
                foreach (JournalWrite w in batch)
                {
                    w.Done.TrySetException(failure);
                }

                continue;
            }

            // Only now is every row of the batch durable: acknowledge.
            foreach (JournalWrite w in batch)
            {
                if (failures.TryGetValue(w, out Exception? error))
                {
                    w.Done.TrySetException(error);
                }
                else
                {
                    w.Done.TrySetResult();
                }
            }
        }
    }

    private static void Exec(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        using SqliteCommand cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>One queued append: what to run inside the writer's transaction, and its acknowledgement.</summary>
internal sealed class JournalWrite(Action<SqliteConnection, SqliteTransaction> apply)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Apply(SqliteConnection connection, SqliteTransaction transaction) => apply(connection, transaction);
}
