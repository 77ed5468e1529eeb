using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Events;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

/// <summary>Every weight, threshold and cooldown against values worked out by hand (docs/ENGINES.md lists them).</summary>
public class FormulaAuditTests
{
    private static readonly AccelerationOptions O = new();

    private static DerivativeState D(double volumeZ = 0, int samples = 20, bool tightening = false, double spreadZ = 0) => new()
    {
        Samples = samples,
        Confidence = Math.Min(1, samples / 20.0),
        IsReady = true,
        VolumeZ = volumeZ,
        SpreadTightening = tightening,
        SpreadZ = spreadZ,
        BaselineSource = "bars",
        Latest = Sample(TenAm, 5.00, 1000),
    };

    [Theory]
    [InlineData(1, 0.05)]
    [InlineData(3, 0.15)]
    [InlineData(10, 0.5)]
    [InlineData(20, 1.0)]
    [InlineData(60, 1.0)]
    public void Confidence_is_samples_over_twenty_capped_at_one(int samples, double expected)
    {
        var s = new TickerSeries(new TickerBufferOptions { Capacity = 120 });
        for (int i = 0; i < samples; i++)
        {
            s.Update(Sample(TenAm.AddMinutes(i), 5.00, 1000));
        }

        // Against three sessions of bars (90 per bucket) only the symbol's own sample count limits the confidence.
        Assert.Equal(expected, s.Compute(BaselineStats.Create(1000, 100, 0.1, 90, "bars")).Confidence, 9);
    }

    [Theory]
    [InlineData(15, 0.5)]                                   // 10 samples older than the window: min(15, 10) / 20
    [InlineData(20, 0.75)]                                  // min(20, 15) / 20
    [InlineData(30, 1.0)]
    public void Against_its_own_samples_a_symbols_confidence_is_limited_by_the_thinner_side(int samples, double expected)
    {
        var s = new TickerSeries(new TickerBufferOptions { Capacity = 120 });
        for (int i = 0; i < samples; i++)
        {
            s.Update(Sample(TenAm.AddMinutes(i), 5.00, 1000));
        }

        DerivativeState d = s.Compute(null);

        Assert.Equal("self", d.BaselineSource);
        Assert.Equal(expected, d.Confidence, 9);
    }

    [Theory]
    [InlineData(10.0, 0.0, 0.0, false, 0.0, 0.40)]       // volume term saturates at z = 4: 0.40 × 1
    [InlineData(-3.0, 0.0, 0.0, false, 0.0, 0.0)]        // below-normal volume adds nothing
    [InlineData(1.0, 0.4, 0.0, false, 0.0, 0.20)]        // 0.40 × 0.25 + 0.25 × 0.4
    [InlineData(0.0, 0.0, 0.5, true, -1.0, 0.175)]       // 0.20 × 0.5 + 0.15 × 0.5
    [InlineData(0.0, 0.0, 0.0, false, -4.0, 0.0)]        // a low spread that did not narrow this step counts nothing
    [InlineData(4.0, 1.0, 1.0, true, -2.0, 1.0)]         // 0.40 + 0.25 + 0.20 + 0.15
    public void The_acceleration_score_is_40_25_20_15(double volumeZ, double accumulation, double readiness, bool tightening, double spreadZ, double expected)
    {
        Assert.Equal(expected, AccelerationClassifier.Score(D(volumeZ, tightening: tightening, spreadZ: spreadZ), accumulation, readiness), 9);
    }

    [Theory]
    [InlineData(0.6, 2.0, 1.2, 0.4, 0.61)]               // 0.30 + 0.20 × 0.5 + 0.15 × 1 (context capped) + 0.15 × 0.4
    [InlineData(1.0, 8.0, 1.0, 1.0, 1.0)]                // every term at its cap
    [InlineData(0.2, -1.0, 0.0, 0.0, 0.1)]               // 0.50 × 0.2 only
    [InlineData(0.0, 1.0, 0.3, 0.2, 0.125)]              // 0.20 × 0.25 + 0.15 × 0.3 + 0.15 × 0.2
    public void The_radar_score_is_50_20_15_15(double acceleration, double volumeZ, double context, double gap, double expected)
    {
        Assert.Equal(expected, SmallCapRadar.RadarScore(acceleration, volumeZ, context, gap), 9);
    }

    [Theory]
    [InlineData(true, false, null, false, 0.5)]
    [InlineData(false, true, null, false, 0.3)]
    [InlineData(false, false, 19e6, false, 0.2)]
    [InlineData(false, false, 20e6, false, 0.1)]         // 20 M is not under 20 M
    [InlineData(false, false, 49e6, false, 0.1)]
    [InlineData(false, false, 50e6, false, 0.0)]
    [InlineData(false, false, null, true, 0.2)]          // a NEW_HIGH within the last 5 minutes
    [InlineData(true, true, 10e6, true, 1.2)]            // uncapped here; the radar score caps it at 1
    public void The_context_adds_catalyst_repeat_gainer_small_float_and_new_high(bool catalyst, bool repeat, double? floatShares, bool newHigh, double expected)
    {
        var ctx = new SymbolContext { CatalystActive = catalyst, RepeatGainer = repeat, Float = floatShares };

        Assert.Equal(expected, SmallCapRadar.ContextScore(ctx, newHigh), 9);
    }

    [Theory]
    [InlineData(RadarSensitivity.Ultra, 0.20, 1.0, 0.20)]
    [InlineData(RadarSensitivity.High, 0.30, 1.5, 0.30)]
    [InlineData(RadarSensitivity.Standard, 0.45, 2.0, 0.40)]
    public void Sensitivity_presets_are_the_originals(RadarSensitivity preset, double accumulation, double volumeZ, double confidence)
    {
        Assert.Equal((accumulation, volumeZ, confidence), new SmallCapRadarOptions { Sensitivity = preset }.Thresholds);
    }

    [Fact]
    public void The_default_preset_is_high_and_the_radar_scans_every_five_seconds()
    {
        var o = new SmallCapRadarOptions();

        Assert.Equal(RadarSensitivity.High, o.Sensitivity);
        Assert.Equal(TimeSpan.FromSeconds(5), o.ScanInterval);
        Assert.Equal(BlipPriority.Medium, o.MinEventPriority);
    }

    [Theory]
    [InlineData(0.50, null, null, null, true)]
    [InlineData(0.49, null, null, null, false)]
    [InlineData(20.00, null, null, null, true)]
    [InlineData(20.01, null, null, null, false)]
    [InlineData(5.00, 50_000.0, 2e9, 100e6, true)]        // every limit is inclusive
    [InlineData(5.00, 49_999.0, null, null, false)]
    [InlineData(5.00, null, 2.01e9, null, false)]
    [InlineData(5.00, null, null, 100.1e6, false)]
    public void Small_cap_filters_price_volume_market_cap_and_float(double price, double? avgVolume, double? marketCap, double? floatShares, bool admitted)
    {
        var ctx = new SymbolContext { AvgVolume = avgVolume, MarketCap = marketCap, Float = floatShares };

        Assert.Equal(admitted, new SmallCapRadarOptions().Admits(price, ctx));
    }

    [Fact]
    public void Cooldowns_are_15_30_60_and_120_seconds_by_state()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), O.CooldownFor(AccelerationState.Breakout));
        Assert.Equal(TimeSpan.FromSeconds(30), O.CooldownFor(AccelerationState.Launching));
        Assert.Equal(TimeSpan.FromSeconds(60), O.CooldownFor(AccelerationState.Accumulating));
        Assert.Equal(TimeSpan.FromSeconds(120), O.CooldownFor(AccelerationState.Dormant));
        Assert.Equal(TimeSpan.FromSeconds(120), O.CooldownFor(AccelerationState.Exhausted));
    }

    [Theory]
    [InlineData(AccelerationState.Breakout, 15)]
    [InlineData(AccelerationState.Launching, 30)]
    [InlineData(AccelerationState.Accumulating, 60)]
    public void An_alert_is_held_back_until_its_states_cooldown_has_passed(AccelerationState state, int seconds)
    {
        var clock = new FakeTimeProvider(TenAm);
        var engine = new AccelerationEngine(new TickerStateBuffer(), clock);
        var score = new AccelerationScore { State = state, Accumulation = 0.9, Readiness = 0.8, Score = 0.7, Derivatives = D(3, samples: 10) };

        AccelerationScore next = score with { Derivatives = score.Derivatives with { Latest = Sample(TenAm.AddSeconds(5), 5.00, 1000) } };

        Assert.NotNull(engine.Evaluate("ACME", score));
        clock.Advance(TimeSpan.FromSeconds(seconds - 1));
        Assert.Null(engine.Evaluate("ACME", next));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(engine.Evaluate("ACME", score));                // the cooldown has passed, but not on a new sample
        Assert.NotNull(engine.Evaluate("ACME", next));
        Assert.NotNull(engine.Evaluate("OTHER", score));            // cooldowns are per symbol
    }

    [Theory]
    [InlineData(AccelerationState.Breakout, "BREAKOUT", "CRITICAL", 0.6)]           // min(1, 0.5 × 1.2)
    [InlineData(AccelerationState.Launching, "PRE_LAUNCH", "HIGH", 0.4)]            // 0.5 × readiness 0.8
    [InlineData(AccelerationState.Accumulating, "ACCUMULATING", "MEDIUM", 0.45)]    // 0.5 × accumulation 0.9
    public void Alert_types_urgencies_and_confidences_follow_the_state(AccelerationState state, string alert, string urgency, double confidence)
    {
        var engine = new AccelerationEngine(new TickerStateBuffer(), new FakeTimeProvider(TenAm));
        var score = new AccelerationScore { State = state, Accumulation = 0.9, Readiness = 0.8, Score = 0.7, Derivatives = D(3, samples: 10) };

        RadarEvent e = engine.Evaluate("ACME", score)!;

        Assert.Equal(EventTypes.Acceleration, e.Type);
        Assert.Equal(alert, e.Extra!["alertType"]);
        Assert.Equal(urgency, e.Extra["blipPriority"]);
        Assert.Equal(confidence, (double)e.Extra["confidence"]!, 9);
    }

    [Theory]
    [InlineData(4, 20)]          // fewer than 5 samples
    [InlineData(5, 5)]           // 5 samples but confidence 5/20 = 0.25 < 0.3
    public void No_alert_before_five_samples_and_confidence_three_tenths(int samples, int confidenceSamples)
    {
        var engine = new AccelerationEngine(new TickerStateBuffer(), new FakeTimeProvider(TenAm));
        DerivativeState d = D(3, samples: samples) with { Confidence = confidenceSamples / 20.0 };

        Assert.Null(engine.Evaluate("ACME", new AccelerationScore { State = AccelerationState.Breakout, Derivatives = d }));
        Assert.Null(engine.Evaluate("ACME", new AccelerationScore { State = AccelerationState.Exhausted, Derivatives = D(3) }));
        Assert.Null(engine.Evaluate("ACME", new AccelerationScore { State = AccelerationState.Dormant, Derivatives = D(3) }));
    }

    [Theory]
    [InlineData(AccelerationState.Breakout, 0.0, 0.0, "NOW")]
    [InlineData(AccelerationState.Launching, 0.0, 0.0, "0-2 min")]
    [InlineData(AccelerationState.Accumulating, 0.7, 0.61, "1-5 min")]
    [InlineData(AccelerationState.Accumulating, 0.61, 0.6, "3-10 min")]
    [InlineData(AccelerationState.Accumulating, 0.5, 0.3, "5-15 min")]
    [InlineData(AccelerationState.Dormant, 0.0, 0.0, "15+ min")]
    public void Estimated_time_to_move_follows_the_original_ladder(AccelerationState state, double accumulation, double readiness, string expected)
    {
        Assert.Equal(expected, SmallCapRadar.TimeToMove(new AccelerationScore { State = state, Accumulation = accumulation, Readiness = readiness }));
    }

    [Fact]
    public void The_acceleration_defaults_are_the_originals_in_percent()
    {
        Assert.Equal(
            (2.0, 3.0, 1.5, 0.30, 0.1, 2.0, 1.0, 0.50, 0.1),
            (O.PriceStabilityMaxPct, O.AccumulationVolumeZDivisor, O.AccumulationBoostVolumeZ, O.AccumulationMinScore,
                O.ReadinessVelocityPctPerMin, O.ReadinessVolumeZ, O.ReadinessPriceZ, O.LaunchReadiness, O.LaunchVelocityPctPerMin));
        Assert.Equal(
            (2.0, 2.0, 0.3, 0.5, -0.1, 4, 0.2, 5, 0.3),
            (O.BreakoutPriceZ, O.BreakoutVolumeZ, O.BreakoutVelocityPctPerMin, O.ExhaustionVelocityPctPerMin, O.ExhaustionAccelerationPctPerMin2,
                O.MinSamplesForScore, O.MinConfidenceForScore, O.MinSamplesForAlert, O.MinConfidenceForAlert));
        var b = new TickerBufferOptions();
        Assert.Equal((120, 5, 3, 20, TimeSpan.FromMinutes(1)), (b.Capacity, b.DerivativeWindow, b.MinSamples, b.ConfidenceSamples, b.SampleInterval));
    }
}
