using Gv2Edge.Market;
using Gv2Edge.Radar.Events;
using Gv2Edge.Radar.Tests.Engines;
using Xunit;
using Xunit.Abstractions;

namespace Gv2Edge.Radar.Tests.Streaming;

/// <summary>
/// The simulator's built-in single-event scenarios through the app's composition (client over loopback TCP,
/// subscription manager, streaming engine, minute-bar baselines) on a fake clock (<see cref="SimulatedRadar"/>): the
/// scripted event fires exactly once for the scripted symbol, and a bystander gets no event of that type.
/// </summary>
[Collection(SimulatedRadarCollection.Name)]
public class SimulatorScenarioTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("volume-burst", "AMD", EventTypes.VolumeSpike, 9, 35)]
    [InlineData("price-surge", "NVDA", EventTypes.PriceSurge, 9, 35)]
    [InlineData("spread-tightening", "AAPL", EventTypes.SpreadTightening, 9, 35)]
    public async Task The_scripted_event_fires_once_for_its_symbol_and_not_for_a_bystander(string scenario, string symbol, string type, int hour, int minute)
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync(scenario, [symbol, "MSFT"]);
        await radar.RunUntilAsync(new TimeOnly(hour, minute + 4));
        output.WriteLine(string.Join("\n", radar.StreamingEvents.Select(e => $"{Et(e):HH:mm:ss} {e.Symbol} {e.Type} {e.Value:0.###} {e.Reason}")));

        var fired = radar.StreamingEvents.Where(e => e.Symbol == symbol && e.Type == type).ToList();
        RadarEvent only = Assert.Single(fired);
        Assert.InRange(Et(only).TimeOfDay, new TimeSpan(hour, minute, 0), new TimeSpan(hour, minute + 2, 0));
        Assert.DoesNotContain(radar.StreamingEvents, e => e.Symbol == "MSFT" && e.Type == type);
    }

    [Fact]
    public async Task A_five_minute_halt_gives_halted_and_resumed_once_and_the_resumption_move_is_still_a_surge()
    {
        // The halt lasts as long as the 5-minute price window: the pre-halt price must still stand when trading resumes.
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("halt", ["RGTI", "MSFT"]);
        await radar.RunUntilAsync(new TimeOnly(9, 42));
        output.WriteLine(string.Join("\n", radar.StreamingEvents.Select(e => $"{Et(e):HH:mm:ss} {e.Symbol} {e.Type} {e.Value:0.###} {e.Reason}")));

        RadarEvent halted = Assert.Single(radar.StreamingEvents, e => e.Symbol == "RGTI" && e.Type == EventTypes.Halted);
        RadarEvent resumed = Assert.Single(radar.StreamingEvents, e => e.Symbol == "RGTI" && e.Type == EventTypes.Resumed);
        RadarEvent surge = Assert.Single(radar.StreamingEvents, e => e.Symbol == "RGTI" && e.Type == EventTypes.PriceSurge);
        Assert.Equal((new TimeSpan(9, 35, 0), new TimeSpan(9, 40, 0)), (Et(halted).TimeOfDay, Et(resumed).TimeOfDay));
        Assert.Equal(Et(resumed), Et(surge));
        Assert.DoesNotContain(radar.StreamingEvents, e => e.Symbol == "MSFT" && e.Type is EventTypes.Halted or EventTypes.PriceSurge);
    }

    [Fact]
    public async Task The_scripted_new_high_fires_once_in_regular_hours_within_its_minute()
    {
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync("new-high", ["TSLA"]);
        await radar.RunUntilAsync(new TimeOnly(9, 42));
        output.WriteLine(string.Join("\n", radar.StreamingEvents.Select(e => $"{Et(e):HH:mm:ss} {e.Symbol} {e.Type} {e.Value:0.###} {e.Reason}")));

        RadarEvent high = Assert.Single(radar.StreamingEvents, e => e.Type == EventTypes.NewHigh && Et(e).TimeOfDay >= new TimeSpan(9, 40, 0));
        Assert.Equal("RTH", high.Session);
        Assert.InRange(Et(high).TimeOfDay, new TimeSpan(9, 40, 0), new TimeSpan(9, 41, 5));
    }

    private static DateTime Et(RadarEvent e) => ExchangeTime.ToExchange(e.Time).DateTime;
}
