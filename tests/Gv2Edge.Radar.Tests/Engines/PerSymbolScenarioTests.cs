using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Gv2Edge.Tws.Simulator.Faults;
using Xunit;
using Xunit.Abstractions;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>Per-symbol baselines and broken symbols, through the simulator (see <see cref="SimulatedRadar"/>).</summary>
[Collection(SimulatedRadarCollection.Name)]
public class PerSymbolScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_same_shares_per_minute_are_a_spike_for_one_symbol_and_normal_for_another()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("same-volume", ["GOEV", "BLNK"]);
        await radar.RunUntilAsync(Et(11, 10));
        output.WriteLine(radar.Trace("GOEV"));
        output.WriteLine(radar.Trace("BLNK"));

        DerivativeState goev = radar.RoundAt("GOEV", Et(11, 7));
        DerivativeState blnk = radar.RoundAt("BLNK", Et(11, 7));
        Assert.Equal("bars", goev.BaselineSource);
        Assert.Equal("bars", blnk.BaselineSource);
        Assert.InRange(goev.VolumePerMinute / blnk.VolumePerMinute, 0.6, 1.6);    // about the same shares per minute
        Assert.True(goev.VolumeZ > 4, $"GOEV z {goev.VolumeZ}");
        Assert.InRange(blnk.VolumeZ, -1.5, 1.5);
        Assert.Contains(AccelerationState.Accumulating, radar.StateOrder("GOEV"));
        Assert.Equal([AccelerationState.Dormant], radar.StateOrder("BLNK"));
    }

    [Fact]
    public async Task A_symbol_whose_bars_never_come_keeps_working_on_its_own_samples_with_less_confidence()
    {
        // The gateway never answers BLNK's history requests (IB does this): the loader gives up on it, GOEV is loaded.
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("same-volume", ["GOEV", "BLNK"], asTheApp: true,
            historicalFailures: new Dictionary<string, HistoricalFailure> { ["BLNK"] = HistoricalFailure.NoReply });
        await radar.RunUntilAsync(Et(11, 16));
        output.WriteLine(radar.Trace("BLNK"));

        Assert.Equal((1, 1), (radar.Baselines.Loaded, radar.Baselines.Failed));
        Assert.Equal("none", radar.RoundAt("BLNK", Et(11, 0)).BaselineSource);
        DerivativeState goev = radar.RoundAt("GOEV", Et(11, 16));
        DerivativeState blnk = radar.RoundAt("BLNK", Et(11, 16));
        Assert.Equal("bars", goev.BaselineSource);
        Assert.Equal("self", blnk.BaselineSource);
        Assert.Equal(Math.Min(1, goev.Samples / 20.0), goev.Confidence, 9);                  // 90 bars behind its bucket
        Assert.Equal((blnk.Samples - 5) / 20.0, blnk.Confidence, 9);                          // its samples older than the window
        Assert.True(blnk.Confidence < goev.Confidence, $"BLNK {blnk.Confidence}, GOEV {goev.Confidence}");
        Assert.All(radar.Scans, s => Assert.Empty(s.Errors));
    }
}

/// <summary>Broken symbols next to a good one, through the simulator.</summary>
[Collection(SimulatedRadarCollection.Name)]
public class BrokenSymbolScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_radar_keeps_scanning_when_symbols_error_or_send_nan_prices_and_no_volume()
    {
        // BLNK's universe row cannot be read (its evaluation throws every time), NIO has no market data subscription
        // (error 354), ZZZZ is no contract at all (error 200), NOPX sends NaN prices and NOVOL a price without volume.
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync(
            "same-volume",
            ["GOEV", "BLNK"],
            context: s => s == "BLNK" ? throw new InvalidOperationException("BLNK: unreadable universe row") : null,
            unsubscribed: ["NIO"],
            extraLines: ["NIO", "ZZZZ"]);
        DateTimeOffset now = radar.Sim.Clock.GetUtcNow();
        radar.Streaming.OnTick("NOPX", new QuoteTick { Time = now, Last = double.NaN, Bid = double.NaN, Ask = double.NaN, CumulativeVolume = 1000 });
        radar.Streaming.OnTick("NOVOL", new QuoteTick { Time = now, Last = 4.2, Bid = 4.19, Ask = 4.21, CumulativeVolume = double.NaN });
        radar.Radar.OnStreamingEvent(new RadarEvent { Id = "spike", Time = now, Symbol = "BLNK", Type = EventTypes.VolumeSpike, Reason = "test", Session = "RTH", DataQuality = "live" });

        await radar.RunUntilAsync(Et(11, 10));
        output.WriteLine(radar.Trace("GOEV"));
        output.WriteLine("nudges: " + string.Join(", ", radar.Nudges));

        Assert.All(radar.Scans, s => Assert.DoesNotContain(s.Errors, e => e.Symbol != "BLNK"));
        Assert.Contains(radar.Scans, s => s.Errors.Any(e => e.Symbol == "BLNK" && e.Error.Contains("unreadable", StringComparison.Ordinal)));
        Assert.Contains(radar.Radar.EventErrors, e => e.Symbol == "BLNK");
        Assert.Contains(radar.Published, e => e.Type == EventTypes.RadarBlip && e.Symbol == "GOEV");
        Assert.Contains(radar.Published, e => e.Type == EventTypes.Acceleration && e.Symbol == "GOEV");
        Assert.True(radar.Sampler.Rejected >= 2 * 13, $"rejected {radar.Sampler.Rejected}");   // NOPX and NOVOL every round
        Assert.Equal(["BLNK", "GOEV"], radar.Buffer.Symbols.Order(StringComparer.Ordinal));
        Assert.False(radar.Subscriptions.IsSubscribed("ZZZZ"));
    }
}
