using System.Text.Json;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary>Record a short demo, replay it: the same events come out; thresholds from the configuration apply.</summary>
public sealed class ReplayEndToEndTests
{
    [Fact]
    public async Task A_recorded_demo_replays_to_the_same_events_and_config_thresholds_change_them()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string config = RunCommandTests.Config(dir, dir.File("journal.db"));
        string recording = dir.File("demo.gv2t");

        // Without the anomaly radar: its new suspects turn WARM on the hot list, which a recording of level 1 does not hold.
        (int code, string live, string err) = await CliRunner.RunAsync("demo", "--headless", "--json", "--duration", "25s", "--record", recording, "--radar-interval", "off",
            "--config", config);
        Assert.True(code == 0, err);
        Assert.Contains("replay with: edge replay", err, StringComparison.Ordinal);

        // The demo's pipeline around the engine: the pre-market gap scan found SOUN's scripted gap, connection
        // changes were journaled, HOT symbols were scanned at once.
        Journal.JournalReader journal = Journal.JournalReader.Open(dir.File("demo-journal.db"));
        Assert.Contains(journal.QueryAnomalies(), a => a.Symbol == "SOUN" && a.Types.Contains("GAP"));
        Assert.Contains(journal.QueryConnectionChanges(), c => c.State == "Connected" && c.ServerVersion == 187);
        Assert.Matches(@"[1-9]\d* immediate scans of HOT symbols", err);
        (int replayCode, string replayed, string replayErr) = await CliRunner.RunAsync("replay", recording, "--json", "--config", config);
        Assert.True(replayCode == 0, replayErr);

        // Streaming detector events are a pure function of the ticks: identical, field for field. ACCELERATION and
        // RADAR_BLIP depend on when the sampler's timer fired between ticks, which only the replay controls exactly.
        List<string> liveEvents = Streaming(live);
        List<string> replayEvents = Streaming(replayed);
        Assert.True(liveEvents.Count >= 5, string.Join('\n', liveEvents));
        Assert.Contains(liveEvents, e => e.Contains("\"VOLUME_SPIKE\"", StringComparison.Ordinal));
        Assert.Equal(liveEvents, replayEvents);

        string strict = dir.File("strict.json");
        await File.WriteAllTextAsync(strict, JsonSerializer.Serialize(new { Detectors = new { VolumeSpikeRatio = 1000 } }));
        (int strictCode, string tuned, string strictErr) = await CliRunner.RunAsync("replay", recording, "--json", "--config", strict);
        Assert.True(strictCode == 0, strictErr);
        Assert.DoesNotContain(Streaming(tuned), e => e.Contains("\"VOLUME_SPIKE\"", StringComparison.Ordinal));
        Assert.Contains(Streaming(tuned), e => e.Contains("\"NEW_HIGH\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_detector_threshold_in_the_configuration_names_the_key()
    {
        using JournalTestData.TempDir dir = JournalTestData.NewDir();
        string config = dir.File("bad.json");
        await File.WriteAllTextAsync(config, JsonSerializer.Serialize(new { Detectors = new { SpreadTighteningPct = 150 } }));

        (int code, _, string stderr) = await CliRunner.RunAsync("replay", "whatever.gv2t", "--config", config);

        Assert.Equal(1, code);
        Assert.Contains("Detectors", stderr, StringComparison.Ordinal);
        Assert.Contains("SpreadTighteningPct", stderr, StringComparison.Ordinal);
    }

    private static readonly HashSet<string> StreamingTypes = ["VOLUME_SPIKE", "PRICE_SURGE", "PRICE_DROP", "SPREAD_TIGHTENING", "NEW_HIGH", "HALTED", "RESUMED", "STALE"];

    private static List<string> Streaming(string jsonLines) => jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Where(e => StreamingTypes.Contains(e.GetProperty("type").GetString()!))
        .Select(e => e.GetRawText())
        .Order(StringComparer.Ordinal)
        .ToList();
}
