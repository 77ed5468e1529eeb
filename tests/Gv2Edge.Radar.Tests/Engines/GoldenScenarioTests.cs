using System.Globalization;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.State;
using Xunit;
using Xunit.Abstractions;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>
/// The acceleration engine's golden scenarios, end to end through the gateway simulator with a fake clock (see
/// <see cref="SimulatedRadar"/>); each scenario's description in the simulator's catalogue says what must be seen.
/// Samples are taken on whole minutes; the sample at 11:07 covers 11:06–11:07.
/// </summary>
[Collection(SimulatedRadarCollection.Name)]
public class GoldenScenarioTests(ITestOutputHelper output)
{
    private static List<(string Alert, TimeOnly At)> Alerts(SimulatedRadar radar, string symbol) =>
        [.. radar.Published.Where(e => e.Type == EventTypes.Acceleration && e.Symbol == symbol)
            .Select(e => ((string)e.Extra!["alertType"]!, TimeOnly.FromDateTime(Gv2Edge.Market.ExchangeTime.ToExchange(e.Time).DateTime)))];

    private void Show(SimulatedRadar radar, string symbol)
    {
        output.WriteLine(radar.Trace(symbol));
        output.WriteLine(string.Join(", ", Alerts(radar, symbol).Select(a => $"{a.Alert}@{a.At:HH:mm:ss}")));
        output.WriteLine("nudges: " + string.Join(", ", radar.Nudges.Select(n => n.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task Quiet_accumulation_then_a_breakout_goes_dormant_accumulating_launching_breakout_in_order()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("accumulation-breakout", ["ROKU"]);
        await radar.RunUntilAsync(Et(11, 16));
        Show(radar, "ROKU");

        Assert.Equal(1, radar.Baselines.Loaded);
        Assert.Equal("bars", radar.RoundAt("ROKU", Et(11, 0)).BaselineSource);
        Assert.Equal(
            [AccelerationState.Dormant, AccelerationState.Accumulating, AccelerationState.Launching, AccelerationState.Breakout, AccelerationState.Dormant],
            radar.StateOrder("ROKU"));
        Assert.Equal(AccelerationState.Dormant, radar.StateAt("ROKU", Et(11, 5, 55)));
        Assert.Equal(AccelerationState.Accumulating, radar.StateAt("ROKU", Et(11, 7)));
        Assert.Equal(AccelerationState.Breakout, radar.StateAt("ROKU", Et(11, 12)));
    }

    [Fact]
    public async Task Each_alert_of_the_breakout_comes_once_per_new_sample_and_cooldown_of_its_state()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("accumulation-breakout", ["ROKU"]);
        await radar.RunUntilAsync(Et(11, 16));
        Show(radar, "ROKU");

        List<(string Alert, TimeOnly At)> alerts = Alerts(radar, "ROKU");
        // The states' cooldowns (60 / 30 / 15 s) are shorter than the buffer's minute: one alert per new sample.
        var expected = new List<(string, TimeOnly)>
        {
            ("ACCUMULATING", Et(11, 6)), ("ACCUMULATING", Et(11, 7)), ("ACCUMULATING", Et(11, 8)),
            ("PRE_LAUNCH", Et(11, 9)), ("PRE_LAUNCH", Et(11, 10)), ("PRE_LAUNCH", Et(11, 11)),
            ("BREAKOUT", Et(11, 12)),
        };

        Assert.Equal(expected, alerts);
        Assert.Contains(radar.Published, e => e.Type == EventTypes.RadarBlip && e.Symbol == "ROKU"
            && (string?)e.Extra!["blipPriority"] == "CRITICAL" && (string?)e.Extra["detectionPhase"] == "BREAKOUT");
    }
}

/// <summary>The slow creep and the exhaustion, through the simulator like <see cref="GoldenScenarioTests"/>.</summary>
[Collection(SimulatedRadarCollection.Name)]
public class CreepAndExhaustionScenarioTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_seven_cent_creep_over_twenty_minutes_on_ordinary_volume_stays_dormant()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("slow-creep", ["BLNK"]);
        await radar.RunUntilAsync(Et(11, 21));
        output.WriteLine(radar.Trace("BLNK"));

        Assert.Equal([AccelerationState.Dormant], radar.StateOrder("BLNK"));
        Assert.DoesNotContain(radar.Published, e => e.Type == EventTypes.Acceleration);
        Assert.DoesNotContain(radar.Published, e => e.Type == EventTypes.RadarBlip);
    }

    [Fact]
    public async Task A_run_that_keeps_rising_on_collapsing_volume_is_exhausted_after_the_breakout_and_alerts_nothing_there()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("exhaustion", ["VALE"]);
        await radar.RunUntilAsync(Et(11, 14));
        output.WriteLine(radar.Trace("VALE"));

        Assert.Equal(
            [AccelerationState.Dormant, AccelerationState.Breakout, AccelerationState.Exhausted, AccelerationState.Dormant],
            radar.StateOrder("VALE"));
        Assert.Equal(AccelerationState.Exhausted, radar.StateAt("VALE", Et(11, 8)));
        DateTimeOffset exhausted = radar.States.First(s => s.State == AccelerationState.Exhausted).Et is var et
            ? new DateTimeOffset(et, TimeSpan.FromHours(-5)) : default;
        Assert.DoesNotContain(radar.Published, e => e.Type == EventTypes.Acceleration && e.Time >= exhausted);
    }
}
