using System.Globalization;
using System.Text.Json;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Gv2Edge.Tws.Simulator;
using Gv2Edge.Tws.Simulator.Scenarios;
using Xunit;
using Xunit.Abstractions;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>
/// The accumulation-breakout scenario played by a small cap and a large cap at once, through the simulator with the
/// minute bars loaded the way the app loads them and the filters fed from the simulator's shipped universe file.
/// </summary>
[Collection(SimulatedRadarCollection.Name)]
public sealed class UniverseFilterScenarioTests(ITestOutputHelper output) : IDisposable
{
    // NIO: $4.52, inside the price filter, but a $9.5 B market cap and a 1.9 B share float.
    private const string LargeCap = "NIO";
    private readonly string _scenarioFile = Path.Combine(Path.GetTempPath(), $"gv2-twin-breakout-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_scenarioFile);

    [Fact]
    public async Task A_small_cap_breaks_out_on_its_own_bars_while_the_same_move_in_a_large_cap_makes_no_blip()
    {
        UniverseContext universe = ShippedUniverse();
        WriteTwinScenario();
        await using SimulatedRadar radar = await SimulatedRadar.StartAsync(_scenarioFile, ["ROKU", LargeCap], context: universe.For, asTheApp: true);

        await radar.RunUntilAsync(Et(11, 12, 30));
        // Without the universe's market cap and float the large cap would be a CRITICAL blip right now.
        using var unfiltered = new SmallCapRadar(radar.Buffer, radar.Acceleration, radar.Sim.Clock, _ => { });
        RadarBlip? wouldBe = unfiltered.Evaluate(LargeCap);
        await radar.RunUntilAsync(Et(11, 16));
        output.WriteLine(radar.Trace("ROKU"));
        output.WriteLine(radar.Trace(LargeCap));

        Assert.Equal(2, radar.Baselines.Loaded);
        Assert.Equal("bars", radar.RoundAt("ROKU", Et(11, 0)).BaselineSource);
        Assert.Equal("bars", radar.RoundAt(LargeCap, Et(11, 0)).BaselineSource);
        Assert.Null(radar.Store.Baselines.Get("ROKU", new DateOnly(2026, 11, 24)));      // the detectors' profile is untouched
        List<AccelerationState> roku = radar.StateOrder("ROKU");
        Assert.True(roku.IndexOf(AccelerationState.Accumulating) is >= 0 and var acc && roku.IndexOf(AccelerationState.Breakout) > acc,
            string.Join(" → ", roku));
        Assert.Contains(radar.Published, e => e.Type == EventTypes.RadarBlip && e.Symbol == "ROKU"
            && (string?)e.Extra!["blipPriority"] == "CRITICAL" && (string?)e.Extra["detectionPhase"] == "BREAKOUT");

        Assert.Contains(AccelerationState.Breakout, radar.StateOrder(LargeCap));
        Assert.Equal(BlipPriority.Critical, wouldBe?.Priority);
        Assert.DoesNotContain(radar.Published, e => e.Type == EventTypes.RadarBlip && e.Symbol == LargeCap);
        Assert.All(radar.Scans, s => Assert.DoesNotContain(s.Blips, b => b.Symbol == LargeCap));
        var eleven = new DateTimeOffset(2026, 11, 24, 11, 0, 0, TimeSpan.FromHours(-5));
        Assert.All(radar.Scans, s => Assert.DoesNotContain("ROKU", s.FilteredOut));
        Assert.All(radar.Scans.Where(s => s.Time >= eleven), s => Assert.Equal([LargeCap], s.FilteredOut));
        Assert.All(radar.Scans, s => Assert.Equal(0, s.Unscreened));
    }

    /// <summary>The simulator's embedded universe.csv, read as a universe file.</summary>
    private static UniverseContext ShippedUniverse()
    {
        using Stream stream = typeof(GatewaySimulator).Assembly.GetManifestResourceStream("Gv2Edge.Tws.Simulator.Data.universe.csv")
            ?? throw new InvalidOperationException("universe.csv is not embedded in the simulator.");
        using var reader = new StreamReader(stream);
        UniverseContext universe = UniverseContext.Parse(reader.ReadToEnd().Split('\n'), "universe.csv");
        Assert.Equal(["avgVolume", "marketCap", "float"], universe.Columns);
        Assert.True(universe.For(LargeCap) is { MarketCap: > 2e9, Float: > 100e6 });
        Assert.True(universe.For("ROKU") is { MarketCap: < 2e9, Float: < 100e6 });
        return universe;
    }

    /// <summary>accumulation-breakout with every ROKU event played by the large cap too.</summary>
    private void WriteTwinScenario()
    {
        Scenario builtIn = BuiltInScenarios.Resolve("accumulation-breakout");
        var events = builtIn.Events.SelectMany(e => new[] { e, e with { Symbol = LargeCap } }).Select(e => new Dictionary<string, object>
        {
            ["at"] = e.At.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            ["symbol"] = e.Symbol,
            ["kind"] = e.Kind.ToString(),
            ["percent"] = e.Percent,
            ["multiplier"] = e.Multiplier,
            ["durationSeconds"] = e.EffectiveDuration.TotalSeconds,
        });
        File.WriteAllText(_scenarioFile, JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = "twin-breakout",
            ["start"] = builtIn.Start.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["events"] = events.ToList(),
        }));
    }
}
