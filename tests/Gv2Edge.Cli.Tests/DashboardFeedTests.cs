using Gv2Edge.Cli.Dashboard;
using Gv2Edge.Cli.Journal;
using Gv2Edge.Cli.Pipeline;
using Gv2Edge.Radar.Streaming;
using Gv2Edge.Tws;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Cli.Tests;

/// <summary>The dashboard's view-model as the pipeline builds it, rendered to a test console.</summary>
public sealed class DashboardFeedTests
{
    [Fact]
    public async Task Scan_results_reach_the_flow_leaders_and_radar_suspects_panels()
    {
        var clock = new FakeTimeProvider(JournalTestData.Open);
        await using var client = new TwsClient(new TwsClientOptions { TimeProvider = clock });
        await using var pipeline = new LivePipeline(client, clock, new StreamingOptions());
        var feed = new DashboardFeed(client, pipeline, clock);

        feed.Add(JournalTestData.Event("GME:VOLUME_SPIKE:1", "GME", "VOLUME_SPIKE", JournalTestData.Open));
        feed.SetFlow(new FlowFinding("GME", 0.91, 0.21, [
            new FlowSignalRecord(JournalTestData.Open, "GME", "LOW_PC_RATIO", 0.6, 0.21, 0.5, "P/C 0.21 below 0.5"),
            new FlowSignalRecord(JournalTestData.Open, "GME", "HIGH_CALL_VOLUME", 0.91, 52_000, 10_000, "calls 52,000"),
        ], "HIGH_CALL_VOLUME"));
        feed.SetFlow(new FlowFinding("AAPL", 0, 1.1, []));
        feed.SetSuspect(new AnomalyRecord(JournalTestData.Open, "MULN", 0.72, ["GAP", "VOLUME_SPIKE"]));
        feed.SetSuspect(new AnomalyRecord(JournalTestData.Open, "MULN", 0.30, ["GAP"]));
        DashboardSnapshot snapshot = feed.Build();

        FlowLeader leader = Assert.Single(snapshot.FlowLeaders);
        Assert.Equal(("GME", 0.91, 0.21, "HIGH_CALL_VOLUME"), (leader.Symbol, leader.Score, leader.PutCallRatio, leader.TopSignal));
        RadarSuspect suspect = Assert.Single(snapshot.Suspects);
        Assert.Equal(0.72, suspect.Score);
        string text = string.Join('\n', DashboardViewTests.RenderLines(snapshot));
        Assert.Matches(@"GME\s+0\.91\s+0\.21\s+HIGH_CALL_VOLUME", text);
        Assert.Matches(@"MULN\s+0\.72\s+GAP,VOLUME_SPIKE", text);
        Assert.Contains("VOLUME_SPIKE", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_result_becomes_one_journal_row_per_signal_led_by_the_strongest()
    {
        var result = new Radar.Flow.OptionsFlowResult
        {
            Symbol = "NVDA",
            Score = 0.85,
            PutCallRatio = 0.82,
            Signals =
            [
                new Radar.Flow.FlowSignal("HIGH_OPTIONS_VOLUME", 28_181, 10_000, 0.73, "28181 option contracts"),
                new Radar.Flow.FlowSignal("HIGH_CALL_VOLUME", 15_500, 5_000, 0.85, "15500 calls"),
            ],
            NewPositions = [],
            TopStrikes = [],
            DataQuality = "live",
            Status = "ok",
            Notes = [],
        };

        FlowFinding found = FlowScans.ToFinding(result, JournalTestData.Open);

        Assert.Equal(("NVDA", 0.85, 0.82, "HIGH_CALL_VOLUME"), (found.Symbol, found.Score, found.PutCallRatio, found.TopSignal));
        Assert.Equal(["HIGH_OPTIONS_VOLUME", "HIGH_CALL_VOLUME"], found.Signals.Select(s => s.Type));
        Assert.All(found.Signals, s => Assert.Equal(0.85, s.Score));
        Assert.Equal(0.73, found.Signals[0].Payload!["signalScore"]);
        Assert.Equal(JournalTestData.Open, found.Signals[0].Time);
    }

    [Fact]
    public void A_radar_row_becomes_an_anomaly_with_its_figures()
    {
        var row = new Radar.Anomaly.RadarRow
        {
            Symbol = "MULN",
            Types = ["GAP", "VOLUME_SPIKE"],
            Score = 0.72,
            GapPct = 12.5,
            VolumeRatio = 8.4,
            Session = "PRE",
            DataQuality = "live",
            Anomalies = [new Radar.Anomaly.AnomalyFinding("GAP", 12.5, 3, 1.2, 0.5, "gap up +12.50%")],
        };

        AnomalyRecord a = Assert.Single(RadarScans.ToAnomalies([row], JournalTestData.Open));

        Assert.Equal(("MULN", 0.72, JournalTestData.Open), (a.Symbol, a.Score, a.Time));
        Assert.Equal(["GAP", "VOLUME_SPIKE"], a.Types);
        Assert.Equal(12.5, a.Payload!["gapPct"]);
        Assert.Equal(["gap up +12.50%"], (IEnumerable<string>)a.Payload["reasons"]!);
    }
}
