using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class JournalTests
{
    private static readonly DateTimeOffset T0 = JournalTestData.Open;

    [Fact]
    public async Task Appended_event_reads_back_with_every_field_and_its_extra_json()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        var extra = new Dictionary<string, object?> { ["state"] = "ACCELERATING", ["zScore"] = 2.75, ["count"] = 3L, ["halted"] = null };
        RadarEvent sent = JournalTestData.Event("e1", "AAPL", EventTypes.Acceleration, T0, extra) with { Threshold = null };

        await journal.AppendEventAsync(sent);

        RadarEvent got = Assert.Single(journal.QueryEvents(new JournalQuery()));
        Assert.Equal(sent with { Extra = null }, got with { Extra = null });
        Assert.Equal(T0.Offset, got.Time.Offset);
        Assert.Equal(extra, got.Extra!.ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    [Fact]
    public async Task Query_filters_by_since_type_and_symbol_and_keeps_the_latest_within_the_limit()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        for (int i = 0; i < 10; i++)
        {
            string symbol = i % 2 == 0 ? "AAPL" : "TSLA";
            string type = i % 3 == 0 ? EventTypes.Halted : EventTypes.VolumeSpike;
            await journal.AppendEventAsync(JournalTestData.Event($"e{i}", symbol, type, T0.AddMinutes(i)));
        }

        Assert.Equal(["e5", "e6", "e7", "e8", "e9"], Ids(journal, new JournalQuery { Since = T0.AddMinutes(5) }));
        Assert.Equal(["e0", "e3", "e6", "e9"], Ids(journal, new JournalQuery { Type = "halted" }));
        Assert.Equal(["e1", "e5", "e7"], Ids(journal, new JournalQuery { Symbol = "tsla", Type = EventTypes.VolumeSpike }));
        Assert.Equal(["e8", "e9"], Ids(journal, new JournalQuery { Limit = 2 }));
    }

    [Fact]
    public async Task Appending_the_same_event_id_twice_keeps_one_row()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        RadarEvent e = JournalTestData.Event("dup", "AMD", EventTypes.NewHigh, T0);

        await journal.AppendEventAsync(e, ["webhook"]);
        await journal.AppendEventAsync(e, ["webhook"]);

        Assert.Single(journal.QueryEvents(new JournalQuery()));
        Assert.Single(journal.Reader.GetDeliveries());
    }

    [Fact]
    public async Task File_is_in_wal_mode_at_the_current_schema_version()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("j.db");
        await using (EdgeJournal journal = EdgeJournal.Open(path))
        {
            await journal.AppendConnectionChangeAsync(new ConnectionChangeRecord(T0, "Connected", "handshake done", 178));
        }

        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        Assert.Equal("wal", Scalar(c, "PRAGMA journal_mode;"));
        Assert.Equal(JournalSchema.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Scalar(c, "PRAGMA user_version;"));
        Assert.Equal("ok", Scalar(c, "PRAGMA integrity_check;"));
    }

    [Fact]
    public async Task Reopening_keeps_rows_and_does_not_rerun_migrations()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("j.db");
        await using (EdgeJournal first = EdgeJournal.Open(path))
        {
            await first.AppendEventAsync(JournalTestData.Event("a", "NVDA", EventTypes.PriceSurge, T0));
        }

        await using EdgeJournal second = EdgeJournal.Open(path);
        Assert.Equal(["a"], Ids(second, new JournalQuery()));
    }

    [Fact]
    public void A_journal_from_a_newer_edge_is_refused_with_a_plain_message()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string path = dir.File("j.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            Scalar(c, "PRAGMA user_version = 99;");
        }

        var ex = Assert.Throws<JournalException>(() => EdgeJournal.Open(path));
        Assert.Contains("newer than this edge", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_a_missing_journal_says_where_it_looked()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        var ex = Assert.Throws<JournalException>(() => JournalReader.Open(dir.File("none.db")));
        Assert.Contains("none.db", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Journal:Path", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anomalies_flow_signals_and_connection_changes_are_journaled()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        await journal.AppendAnomalyAsync(new AnomalyRecord(T0, "GME", 0.62, ["GAP", "VOLUME_SPIKE"], new Dictionary<string, object?> { ["gapPct"] = 12.5 }));
        await journal.AppendFlowSignalAsync(new FlowSignalRecord(T0, "GME", "LOW_PC_RATIO", 0.8, 0.21, 0.5, "P/C 0.21 below 0.5"));
        await journal.AppendConnectionChangeAsync(new ConnectionChangeRecord(T0, "Disconnected", "socket closed"));

        AnomalyRecord a = Assert.Single(journal.Reader.QueryAnomalies());
        Assert.Equal(["GAP", "VOLUME_SPIKE"], a.Types);
        Assert.Equal(12.5, a.Payload!["gapPct"]);
        Assert.Equal(0.21, Assert.Single(journal.Reader.QueryFlowSignals()).Value);
        Assert.Equal(new ConnectionChangeRecord(T0, "Disconnected", "socket closed"), Assert.Single(journal.Reader.QueryConnectionChanges()));
    }

    [Fact]
    public async Task Delivery_attempts_move_an_alert_from_undelivered_to_delivered()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        var clock = new FakeTimeProvider(T0);
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"), clock);
        await journal.AppendEventAsync(JournalTestData.Event("e", "AMC", EventTypes.Halted, T0), ["webhook", "discord"]);

        await journal.RecordDeliveryAttemptAsync("e", "webhook", delivered: false, "HTTP 500", T0.AddSeconds(2));
        PendingDelivery[] pending = [.. journal.Reader.GetPendingDeliveries()];
        Assert.Equal(["discord", "webhook"], pending.Select(p => p.Sink));
        Assert.Equal(T0.AddSeconds(2), pending[1].NextRetry);
        Assert.Equal("e", pending[1].Event.Id);

        await journal.RecordDeliveryAttemptAsync("e", "webhook", delivered: true, null, null);
        DeliveryRecord webhook = journal.Reader.GetDeliveries("e").Single(d => d.Sink == "webhook");
        Assert.Equal(new DeliveryRecord("e", "webhook", DeliveryStatus.Delivered, 2, null, null), webhook);
    }

    [Fact]
    public async Task A_delivery_update_for_an_unknown_alert_fails_alone()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("j.db"));
        Task bad = journal.RecordDeliveryAttemptAsync("nope", "webhook", true, null, null);
        Task good = journal.AppendEventAsync(JournalTestData.Event("ok", "SPY", EventTypes.NewHigh, T0));

        await Assert.ThrowsAsync<JournalException>(() => bad);
        await good;
        Assert.Equal(["ok"], Ids(journal, new JournalQuery()));
    }

    private static string[] Ids(EdgeJournal journal, JournalQuery query) => [.. journal.QueryEvents(query).Select(e => e.Id)];

    private static string? Scalar(SqliteConnection c, string sql)
    {
        using SqliteCommand cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
