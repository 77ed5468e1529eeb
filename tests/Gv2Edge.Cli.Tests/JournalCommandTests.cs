using System.Text.Json;
using Gv2Edge.Cli.Commands;
using Gv2Edge.Cli.Infrastructure;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Radar.Events;
using Xunit;

namespace Gv2Edge.Cli.Tests;

public sealed class JournalCommandTests
{
    private static readonly DateTimeOffset T0 = JournalTestData.Open;

    [Fact]
    public async Task Json_output_is_an_array_of_camel_case_events_with_offset_times()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (int code, string stdout, _) = await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--symbol", "aapl");

        Assert.Equal(ExitCodes.Ok, code);
        using JsonDocument doc = JsonDocument.Parse(stdout);
        JsonElement[] rows = [.. doc.RootElement.EnumerateArray()];
        Assert.Equal(2, rows.Length);
        Assert.Equal("2026-11-24T09:30:00-05:00", rows[0].GetProperty("time").GetString());
        Assert.Equal("VOLUME_SPIKE", rows[0].GetProperty("type").GetString());
        Assert.Equal("live", rows[0].GetProperty("dataQuality").GetString());
        Assert.Equal(JsonValueKind.Null, rows[1].GetProperty("threshold").ValueKind);
        Assert.Equal("ACCELERATING", rows[1].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Csv_output_has_a_header_and_quotes_fields_with_commas()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (int code, string stdout, _) = await JournalTestData.RunEdgeAsync(dir, "journal", "--csv", "--type", "VOLUME_SPIKE");

        Assert.Equal(ExitCodes.Ok, code);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(JournalEntryFormat.CsvHeader, lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("v1,2026-11-24T09:30:00.0000000-05:00,AAPL,VOLUME_SPIKE,3.5,2,\"VOLUME_SPIKE on AAPL, 3.5 vs 2.0\",RTH,live,HOT,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_output_prints_one_line_per_event_and_limit_keeps_the_latest()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (int code, string stdout, _) = await JournalTestData.RunEdgeAsync(dir, "journal", "--limit", "1");

        Assert.Equal(ExitCodes.Ok, code);
        string line = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("TSLA", line, StringComparison.Ordinal);
        Assert.Contains("HALTED", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Since_takes_an_iso_time_with_offset()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (_, string stdout, _) = await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--since", "2026-11-24T14:31:00Z");

        using JsonDocument doc = JsonDocument.Parse(stdout);
        Assert.Equal(["a1", "h1"], doc.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Since_takes_a_duration_back_from_now_or_an_exchange_time_without_offset()
    {
        DateTimeOffset now = T0.AddHours(3);
        Assert.Equal(now.AddHours(-1), JournalCommand.ParseSince("1h", now));
        Assert.Equal(now.AddSeconds(-90), JournalCommand.ParseSince("90s", now));
        Assert.Equal(T0, JournalCommand.ParseSince("2026-11-24T09:30:00", now));
        Assert.Throws<UsageException>(() => JournalCommand.ParseSince("yesterday-ish", now));
    }

    [Fact]
    public async Task A_missing_journal_is_a_clear_message_and_exit_1()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();

        (int code, string stdout, string stderr) = await JournalTestData.RunEdgeAsync(dir, "journal");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("No journal at", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_and_csv_together_is_bad_usage()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        await Seed(dir);

        (int code, _, string stderr) = await JournalTestData.RunEdgeAsync(dir, "journal", "--json", "--csv");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--json and --csv", stderr, StringComparison.Ordinal);
    }

    private static async Task Seed(JournalTestData.TempDir dir)
    {
        await using EdgeJournal journal = EdgeJournal.Open(dir.File("journal.db"));
        await journal.AppendEventAsync(JournalTestData.Event("v1", "AAPL", EventTypes.VolumeSpike, T0));
        await journal.AppendEventAsync(JournalTestData.Event("v2", "MSFT", EventTypes.VolumeSpike, T0.AddSeconds(30)));
        await journal.AppendEventAsync(JournalTestData.Event("a1", "AAPL", EventTypes.Acceleration, T0.AddMinutes(1), new Dictionary<string, object?> { ["state"] = "ACCELERATING" }) with { Threshold = null });
        await journal.AppendEventAsync(JournalTestData.Event("h1", "TSLA", EventTypes.Halted, T0.AddMinutes(2)));
    }

}
