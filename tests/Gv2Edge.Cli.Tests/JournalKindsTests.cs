using System.Text.Json;
using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary><c>edge journal</c> over every kind of row: events, anomalies, flow signals, connection changes, alert deliveries.</summary>
public sealed class JournalKindsTests
{
    private static readonly DateTimeOffset T0 = JournalTestData.Open;

    [Fact]
    public async Task Every_kind_comes_out_in_time_order_each_row_saying_its_kind()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (int code, string stdout, _) = await JournalTestData.RunEdgeAsync(dir, "journal", "--json");

        Assert.Equal(ExitCodes.Ok, code);
        JsonElement[] rows = Rows(stdout);
        Assert.Equal(["connection", "event", "alert", "anomaly", "flow", "connection"], rows.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal("VOLUME_SPIKE", rows[1].GetProperty("type").GetString());
        JsonElement alert = rows[2];
        Assert.Equal(("v1", "webhook", "undelivered", 1), (alert.GetProperty("eventId").GetString(), alert.GetProperty("sink").GetString(),
            alert.GetProperty("status").GetString(), alert.GetProperty("attempts").GetInt32()));
        Assert.Equal("HTTP 503", alert.GetProperty("lastError").GetString());
        JsonElement anomaly = rows[3];
        Assert.Equal(["GAP", "VOLUME_SPIKE"], anomaly.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(0.72, anomaly.GetProperty("score").GetDouble());
        Assert.Equal(12.5, anomaly.GetProperty("gapPct").GetDouble());
        Assert.Equal("HIGH_CALL_VOLUME", rows[4].GetProperty("type").GetString());
        Assert.Equal(0.2, rows[4].GetProperty("putCallRatio").GetDouble());
        Assert.Equal("Reconnecting", rows[5].GetProperty("state").GetString());
        Assert.All(rows, r => Assert.Matches(@"[+-]\d\d:\d\d$|Z$", r.GetProperty("time").GetString()));
    }

    [Fact]
    public async Task Type_names_a_kind_or_a_type_within_every_kind()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        JsonElement[] anomalies = Rows((await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--type", "anomalies")).Stdout);
        JsonElement[] spikes = Rows((await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--type", "volume_spike")).Stdout);
        JsonElement[] reconnects = Rows((await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--type", "reconnecting")).Stdout);

        Assert.Equal(["anomaly"], anomalies.Select(r => r.GetProperty("kind").GetString()));
        // The event, the alert delivering it, and the anomaly carrying VOLUME_SPIKE among its types.
        Assert.Equal(["event", "alert", "anomaly"], spikes.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["connection"], reconnects.Select(r => r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Symbol_and_since_filter_every_kind_and_a_symbol_leaves_connection_changes_out()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        JsonElement[] gme = Rows((await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--symbol", "gme")).Stdout);
        JsonElement[] late = Rows((await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--since", T0.AddMinutes(2).ToString("o"))).Stdout);

        Assert.Equal(["anomaly", "flow"], gme.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal(["anomaly", "flow", "connection"], late.Select(r => r.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Csv_has_one_header_for_every_kind_and_plain_lines_name_each_kind()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        string[] csv = (await JournalTestData.RunEdgeAsync(dir, "journal", "--csv")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string[] plain = (await JournalTestData.RunEdgeAsync(dir, "journal", "--limit", "3")).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(JournalEntryFormat.CsvHeader, csv[0]);
        Assert.Equal(7, csv.Length);
        Assert.All(csv.Skip(1), line => Assert.Equal(JournalEntryFormat.CsvHeader.Split(',').Length, CsvFields(line).Count));
        Assert.Equal(["connection", "event", "alert", "anomaly", "flow", "connection"], csv.Skip(1).Select(l => CsvFields(l)[^1]));
        Assert.StartsWith(",2026-11-24T09:33:00.0000000-05:00,GME,ANOMALY,0.72,0.2,", csv[4], StringComparison.Ordinal);
        Assert.Contains(",Reconnecting,", csv[6], StringComparison.Ordinal);
        Assert.Equal(3, plain.Length);
        Assert.Contains("ANOMALY", plain[0], StringComparison.Ordinal);
        Assert.Contains("HIGH_CALL_VOLUME", plain[1], StringComparison.Ordinal);
        Assert.Contains("Reconnecting: connection lost", plain[2], StringComparison.Ordinal);
    }

    private static async Task Seed(JournalTestData.TempDir dir)
    {
        var clock = new FakeTimeProvider(T0);
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("journal.db"), clock);
        await journal.AppendConnectionChangeAsync(new ConnectionChangeRecord(T0.AddSeconds(-10), "Connected", "ready: server version 187", 187));
        await journal.AppendEventAsync(JournalTestData.Event("v1", "AAPL", EventTypes.VolumeSpike, T0), ["webhook"]);
        clock.Advance(TimeSpan.FromSeconds(20));
        await journal.RecordDeliveryAttemptAsync("v1", "webhook", delivered: false, "HTTP 503", T0.AddMinutes(1));
        await journal.AppendAnomalyAsync(new AnomalyRecord(T0.AddMinutes(3), "GME", 0.72, ["GAP", "VOLUME_SPIKE"],
            new Dictionary<string, object?> { ["gapPct"] = 12.5, ["session"] = "RTH", ["reasons"] = new[] { "gap up +12.5%" } }));
        await journal.AppendFlowSignalAsync(new FlowSignalRecord(T0.AddMinutes(4), "GME", "HIGH_CALL_VOLUME", 0.91, 52_000, 5_000, "calls 52,000",
            new Dictionary<string, object?> { ["putCallRatio"] = 0.2 }));
        await journal.AppendConnectionChangeAsync(new ConnectionChangeRecord(T0.AddMinutes(5), "Reconnecting", "connection lost: The gateway closed the connection."));
    }

    private static JsonElement[] Rows(string json)
    {
        using JsonDocument doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    // RFC 4180 fields of one line (quoted fields may hold commas and doubled quotes).
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }

}
