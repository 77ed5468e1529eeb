using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

public class SmallCapRadarTests
{
    private readonly FakeTimeProvider _clock = ClockAt(TenAm.AddMinutes(8));
    private readonly TickerStateBuffer _buffer = new();
    private readonly List<RadarEvent> _events = [];
    private readonly Dictionary<string, SymbolContext> _contexts = [];

    private SmallCapRadar Radar(SmallCapRadarOptions? options = null, Func<string, SymbolContext?>? context = null) =>
        new(_buffer, new AccelerationEngine(_buffer, _clock), _clock, _events.Add, options, context ?? (s => _contexts.GetValueOrDefault(s)));

    /// <summary>Eight minutes: five quiet, then volume 2000, 3000, 5000 sh/min with the price held at 5.00 (accumulating).</summary>
    private void Accumulating(string symbol, double price = 5.00, double prevClose = double.NaN, double vwap = double.NaN)
    {
        _buffer.SetBaseline(symbol, IntradayBaseline.FromMinuteBars(MinuteBars(1000, 400, price, 0.02)));
        double[] volumes = [1000, 1000, 1000, 1000, 1000, 2000, 3000, 5000];
        for (int i = 0; i < volumes.Length; i++)
        {
            _buffer.Push(symbol, Sample(TenAm.AddMinutes(i + 1), price, volumes[i]) with { PrevClose = prevClose, Vwap = vwap });
        }
    }

    [Fact]
    public void A_fully_accumulating_small_cap_is_a_pre_launch_blip_published_as_a_radar_event()
    {
        Accumulating("ACME");
        using SmallCapRadar radar = Radar();

        RadarScanResult scan = radar.Scan();

        RadarBlip blip = Assert.Single(scan.Blips);
        // Accumulation 1 gives readiness 0.5 and volume z ≈ 10 ≥ 1.5: the original's PRE_LAUNCH rule comes first.
        Assert.Equal(AccelerationState.Accumulating, blip.Acceleration.State);
        Assert.Equal(BlipPriority.High, blip.Priority);
        Assert.Equal("PRE_LAUNCH", blip.DetectionPhase);
        Assert.Equal("3-10 min", blip.EstimatedTimeToMove);
        Assert.Equal(0.4, blip.Confidence, 9);
        RadarEvent e = Assert.Single(_events, x => x.Type == EventTypes.RadarBlip);
        Assert.Equal("HIGH", e.Extra!["blipPriority"]);
        Assert.Equal("ACCUMULATING", e.Extra["state"]);
        Assert.Single(_events, x => x.Type == EventTypes.Acceleration);
    }

    [Fact]
    public void The_radar_score_weighs_acceleration_volume_context_and_gap_quality()
    {
        Accumulating("GAPR", prevClose: 4.50, vwap: 4.90);
        _contexts["GAPR"] = new SymbolContext { CatalystActive = true, Float = 30e6 };
        using SmallCapRadar radar = Radar();

        RadarBlip blip = radar.Evaluate("GAPR")!;

        AccelerationScore a = blip.Acceleration;
        double volume = Math.Min(1, a.Derivatives.VolumeZ / 4);       // z ≈ 10 → 1
        Assert.Equal(1, volume, 9);
        Assert.Equal(0.6, blip.Context, 9);                            // catalyst 0.5 + float under 50 M 0.1
        Assert.Equal(1, blip.GapQuality, 9);                           // +11.1 % gap holding above VWAP
        Assert.Equal((0.50 * a.Score) + 0.20 + (0.15 * 0.6) + 0.15, blip.RadarScore, 9);
    }

    [Fact]
    public void A_gap_below_vwap_is_worth_half()
    {
        Accumulating("FADE", prevClose: 4.75, vwap: 5.20);
        using SmallCapRadar radar = Radar();

        Assert.Equal(0.5 * (0.25 / 4.75 * 100 / 10), radar.Evaluate("FADE")!.GapQuality, 9);
    }

    [Fact]
    public void Small_cap_filters_are_applied()
    {
        Accumulating("PRICY", price: 25.00);
        Accumulating("BIGCAP");
        Accumulating("BIGFLOAT");
        Accumulating("THIN");
        Accumulating("UNKNOWN");
        Accumulating("SMALL");
        _contexts["BIGCAP"] = new SymbolContext { MarketCap = 5e9 };
        _contexts["BIGFLOAT"] = new SymbolContext { Float = 250e6 };
        _contexts["THIN"] = new SymbolContext { AvgVolume = 20_000 };
        _contexts["SMALL"] = new SymbolContext { MarketCap = 400e6, Float = 30e6 };
        using SmallCapRadar radar = Radar();

        RadarScanResult scan = radar.Scan();

        Assert.Equal(["SMALL", "UNKNOWN"], scan.Blips.Select(b => b.Symbol).Order());
        Assert.DoesNotContain(_events, e => e.Symbol is not ("UNKNOWN" or "SMALL"));
        Assert.Equal(["BIGCAP", "BIGFLOAT", "PRICY", "THIN"], scan.FilteredOut.Order());
        Assert.Equal(1, scan.Unscreened);                                    // UNKNOWN: admitted on price, and counted
    }

    [Fact]
    public void One_broken_symbol_never_stops_the_scan()
    {
        Accumulating("AAA");
        Accumulating("BROKEN");
        Accumulating("ZZZ");
        using SmallCapRadar radar = Radar(context: s => s == "BROKEN" ? throw new FormatException("bad universe row for BROKEN") : null);

        RadarScanResult scan = radar.Scan();

        Assert.Equal(["AAA", "ZZZ"], scan.Blips.Select(b => b.Symbol).Order());
        Assert.Equal(3, scan.SymbolsScanned);
        (string symbol, string error) = Assert.Single(scan.Errors);
        Assert.Equal("BROKEN", symbol);
        Assert.Contains("bad universe row", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_radar_scans_every_five_seconds_and_blips_respect_the_cooldown()
    {
        Accumulating("ACME");
        using SmallCapRadar radar = Radar();
        radar.Start();

        var scans = new List<DateTimeOffset>();
        for (int i = 0; i < 36; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            scans.Add(radar.LastScan!.Time);
            if (i == 5)
            {
                // A new minute sample, volume still accelerating (still accumulating): due once the 60 s cooldown has passed.
                _buffer.Push("ACME", Sample(TenAm.AddMinutes(8.5), 5.00, 8000));
            }
        }

        Assert.Equal(36, scans.Distinct().Count());
        // ACCUMULATING cools down for 60 s, and a blip needs a new sample: three minutes of scans over two samples
        // publish two blips, at 10:08:05 and 10:09:05; re-scoring the same sample afterwards publishes nothing.
        Assert.Equal(
            [TenAm.AddMinutes(8).AddSeconds(5), TenAm.AddMinutes(9).AddSeconds(5)],
            _events.Where(e => e.Type == EventTypes.RadarBlip).Select(e => e.Time));
    }

    [Fact]
    public void A_price_surge_evaluates_the_symbol_at_once_and_a_new_high_adds_context()
    {
        Accumulating("ACME");
        using SmallCapRadar radar = Radar();
        RadarEvent Streaming(string type) => new()
        {
            Id = type,
            Time = _clock.GetUtcNow(),
            Symbol = "ACME",
            Type = type,
            Reason = "test",
            Session = "RTH",
            DataQuality = "live",
        };

        RadarBlip? before = radar.OnStreamingEvent(Streaming(EventTypes.PriceSurge));
        Assert.Null(radar.OnStreamingEvent(Streaming(EventTypes.NewHigh)));
        RadarBlip? after = radar.OnStreamingEvent(Streaming(EventTypes.VolumeSpike));

        Assert.NotNull(before);
        Assert.Equal(0, before.Context);
        Assert.Equal(0.2, after!.Context, 9);
        Assert.Equal(before.RadarScore + (0.15 * 0.2), after.RadarScore, 9);
        Assert.Single(_events, e => e.Type == EventTypes.RadarBlip);     // the second is inside the cooldown
        Assert.Null(radar.OnStreamingEvent(Streaming(EventTypes.Halted)));
    }

    [Fact]
    public void A_stricter_preset_drops_what_a_looser_one_keeps()
    {
        _buffer.SetBaseline("ACME", IntradayBaseline.FromMinuteBars(MinuteBars(1000, 400, 5.00, 0.02)));
        double[] volumes = [1000, 1000, 1000, 1000, 2000, 3000, 5000];
        for (int i = 0; i < volumes.Length; i++)
        {
            _buffer.Push("ACME", Sample(TenAm.AddMinutes(i + 1), 5.00, volumes[i]));
        }

        using SmallCapRadar ultra = Radar(new SmallCapRadarOptions { Sensitivity = RadarSensitivity.Ultra });
        using SmallCapRadar standard = Radar(new SmallCapRadarOptions { Sensitivity = RadarSensitivity.Standard });

        Assert.Equal(BlipPriority.High, ultra.Evaluate("ACME")!.Priority);   // confidence 7/20 = 0.35 ≥ 0.20
        Assert.Null(standard.Evaluate("ACME"));                              // 0.35 < 0.40
    }
}
