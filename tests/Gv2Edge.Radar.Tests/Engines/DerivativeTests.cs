using Gv2Edge.Radar.Engines;
using Xunit;
using static Gv2Edge.Radar.Tests.Engines.EngineFixtures;

namespace Gv2Edge.Radar.Tests.Engines;

public class DerivativeTests
{
    private static readonly BaselineStats Normal = new(VolumeMean: 1000, VolumeStd: 400, ReturnStdPct: 0.4, Count: 150, Source: "bars");

    private static TickerSeries Series(params (double Price, double Volume)[] points)
    {
        var s = new TickerSeries(new TickerBufferOptions());
        for (int i = 0; i < points.Length; i++)
        {
            Assert.True(s.Update(Sample(TenAm.AddMinutes(i), points[i].Price, points[i].Volume)));
        }

        return s;
    }

    [Fact]
    public void Velocities_are_percent_per_minute_and_volumes_shares_per_minute()
    {
        TickerSeries s = Series((5.00, 1000), (5.00, 1000), (5.00, 2000), (5.05, 3000), (5.151, 5000));

        DerivativeState d = s.Compute(Normal);

        Assert.True(d.IsReady);
        Assert.Equal(2.0, d.PriceVelocityPctPerMin, 9);            // 5.05 → 5.151 in one minute
        Assert.Equal(1.0, d.PriceAccelerationPctPerMin2, 9);       // 1 %/min → 2 %/min
        Assert.Equal(3.02, d.PriceChangePct, 9);                   // 5.00 → 5.151 over the window
        Assert.Equal(4, d.WindowMinutes, 9);
        Assert.Equal(5000, d.VolumePerMinute, 9);
        Assert.Equal(2000, d.VolumeAcceleration, 9);               // 3000 → 5000 sh/min in a minute
        Assert.Equal(1000, d.VolumeTrend, 9);                      // 1000 → 5000 sh/min over 4 minutes
        Assert.Equal(10, d.VolumeZ, 9);                            // (5000 − 1000) / 400
        Assert.Equal(3.775, d.PriceZ, 9);                          // 3.02 / (0.4 · √4)
        Assert.Equal(5, d.VolumeRatio!.Value, 9);
        Assert.Equal(0.25, d.Confidence, 9);                       // 5 / 20
        Assert.Equal("bars", d.BaselineSource);
    }

    [Fact]
    public void Thirty_second_samples_are_judged_on_the_last_minute_of_volume()
    {
        var s = new TickerSeries(new TickerBufferOptions { SampleInterval = TimeSpan.FromSeconds(30) });
        double[] volumes = [500, 500, 500, 1500];
        for (int i = 0; i < volumes.Length; i++)
        {
            s.Update(Sample(TenAm.AddSeconds(30 * i), 5.00, volumes[i], seconds: 30));
        }

        DerivativeState d = s.Compute(Normal);

        Assert.Equal(2000, d.VolumePerMinute, 9);                  // (500 + 1500) shares in the last minute
        Assert.Equal(4000, d.VolumeAcceleration, 9);               // 1000 → 3000 sh/min in half a minute
        Assert.Equal(2.5, d.VolumeZ, 9);
    }

    [Fact]
    public void Fewer_than_three_samples_are_not_ready()
    {
        DerivativeState d = Series((5.00, 1000), (5.50, 90000)).Compute(Normal);

        Assert.False(d.IsReady);
        Assert.Equal(2, d.Samples);
        Assert.Equal(0, d.VolumeZ);
        Assert.Equal(0.1, d.Confidence, 9);
    }

    [Fact]
    public void Without_bars_the_symbols_own_older_samples_are_its_baseline()
    {
        var points = Enumerable.Range(0, 15).Select(i => (5.00 + (i % 2 * 0.01), i % 2 == 0 ? 900.0 : 1100.0)).ToList();
        points.AddRange([(5.00, 1000), (5.00, 1000), (5.00, 1000), (5.00, 1000), (5.00, 3000)]);
        TickerSeries s = Series([.. points]);

        DerivativeState d = s.Compute(baseline: null);

        Assert.Equal("self", d.BaselineSource);
        Assert.Equal(3000 / (14900.0 / 15), d.VolumeRatio!.Value, 9); // older samples: eight of 900 and seven of 1100
        Assert.True(d.VolumeZ > 10, $"volume z {d.VolumeZ}");
        Assert.Equal(15 / 20.0, d.Confidence, 9);                     // 20 samples, but a baseline of 15
    }

    [Fact]
    public void Without_bars_or_enough_history_z_scores_are_zero_and_the_source_says_none()
    {
        DerivativeState d = Series((5.00, 1000), (5.00, 1000), (5.00, 50000)).Compute(baseline: null);

        Assert.Equal("none", d.BaselineSource);
        Assert.Equal(0, d.VolumeZ);
        Assert.Null(d.VolumeRatio);
    }

    [Fact]
    public void A_spread_below_its_own_history_has_a_negative_z_and_tightens()
    {
        var s = new TickerSeries(new TickerBufferOptions());
        for (int i = 0; i < 12; i++)
        {
            s.Update(Sample(TenAm.AddMinutes(i), 5.00, 1000, spreadPct: i < 10 ? (i % 2 == 0 ? 0.4 : 0.6) : (i == 10 ? 0.5 : 0.2)));
        }

        DerivativeState d = s.Compute(Normal);

        Assert.True(d.SpreadTightening);
        Assert.Equal(0.2, d.SpreadPct!.Value, 9);
        Assert.True(d.SpreadZ < -2, $"spread z {d.SpreadZ}");
    }

    [Fact]
    public void The_series_refuses_bad_and_out_of_order_samples_and_resets()
    {
        var s = new TickerSeries(new TickerBufferOptions());
        Assert.True(s.Update(Sample(TenAm, 5.00, 1000)));
        Assert.False(s.Update(Sample(TenAm, 5.00, 1000)));                  // not newer
        Assert.False(s.Update(Sample(TenAm.AddMinutes(1), double.NaN, 1000)));
        Assert.False(s.Update(Sample(TenAm.AddMinutes(1), 5.00, -1)));
        Assert.False(s.Update(Sample(TenAm.AddMinutes(1), 0, 1000)));
        Assert.Equal(1, s.Count);

        s.Reset();

        Assert.Equal(0, s.Count);
        Assert.False(s.IsReady);
    }

    [Fact]
    public void The_ring_keeps_only_the_newest_capacity_samples()
    {
        var s = new TickerSeries(new TickerBufferOptions { Capacity = 4, DerivativeWindow = 3 });
        for (int i = 0; i < 10; i++)
        {
            s.Update(Sample(TenAm.AddMinutes(i), 5.00 + i, 1000));
        }

        Assert.Equal(4, s.Count);
        Assert.Equal(14.00, s[0].Price);
        Assert.Equal(11.00, s[3].Price);
    }

    [Fact]
    public void The_buffer_refuses_intervals_under_five_seconds()
    {
        Assert.Throws<ArgumentException>(() => new TickerStateBuffer(new TickerBufferOptions { SampleInterval = TimeSpan.FromSeconds(1) }));
    }

    [Fact]
    public void The_window_never_straddles_the_open_so_its_volume_step_is_not_accumulation()
    {
        var s = new TickerSeries(new TickerBufferOptions());
        DateTimeOffset open = TenAm.AddMinutes(-30);
        for (int i = -4; i <= 2; i++)
        {
            // Quiet pre-market minutes; the 09:30 sample is labelled RTH but covers 09:29-09:30; then the open's
            // volume, almost four times as much and falling.
            string session = i < 0 ? "PRE" : "RTH";
            double volume = i <= 0 ? 1000 : 4000 - (i * 200);
            s.Update(Sample(open.AddMinutes(i), 5.00, volume) with { Session = session });
            DerivativeState d = s.Compute(Normal);

            Assert.True(d.IsReady == i is -2 or -1, $"{i}: ready {d.IsReady}");   // three PRE samples make a window; 09:30-09:32 do not
        }

        s.Update(Sample(open.AddMinutes(3), 5.00, 3400) with { Session = "RTH" });
        DerivativeState third = s.Compute(Normal);

        Assert.True(third.IsReady);
        Assert.Equal(2, third.WindowMinutes, 9);                            // 09:31, 09:32, 09:33 only
        Assert.Equal((3400 - 3800) / 2.0, third.VolumeTrend, 9);            // falling after the open (from 09:30's sample: +800)
    }
}
