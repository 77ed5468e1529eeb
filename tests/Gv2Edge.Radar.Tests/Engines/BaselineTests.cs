using Gv2Edge.Radar.Engines;
using Xunit;

namespace Gv2Edge.Radar.Tests.Engines;

public class BaselineTests
{
    [Fact]
    public void Minute_bars_give_the_mean_and_spread_of_shares_per_minute_and_of_returns()
    {
        List<HistoryBar> bars = EngineFixtures.MinuteBars(1000, 400, 5.00, 0.02);
        IntradayBaseline baseline = IntradayBaseline.FromMinuteBars(bars);

        BaselineStats stats = baseline.At(EngineFixtures.TenAm)!.Value;

        // 10:00-10:29 bucket: 30 bars a day × 5 days, alternating 600/1400 → mean 1000, sample std 400·√(150/149).
        Assert.Equal(150, stats.Count);
        Assert.Equal(1000, stats.VolumeMean, 9);
        Assert.Equal(400 * Math.Sqrt(150.0 / 149.0), stats.VolumeStd, 6);

        // Returns alternate +0.4% and −0.398%; their std is about 0.4%.
        Assert.InRange(stats.ReturnStdPct, 0.395, 0.405);
        Assert.Equal("bars", stats.Source);
    }

    [Fact]
    public void Each_time_of_day_bucket_has_its_own_figures()
    {
        var bars = EngineFixtures.MinuteBars(1000, 100, 5.00, 0.01)
            .Select(b => ExchangeClockHour(b) == 9 ? b with { Volume = b.Volume * 3 } : b)
            .ToList();
        IntradayBaseline baseline = IntradayBaseline.FromMinuteBars(bars);

        Assert.Equal(3000, baseline.At(EngineFixtures.TenAm.AddMinutes(-15))!.Value.VolumeMean, 9);
        Assert.Equal(1000, baseline.At(EngineFixtures.TenAm)!.Value.VolumeMean, 9);
    }

    [Fact]
    public void A_time_of_day_without_bars_falls_back_to_the_whole_day()
    {
        IntradayBaseline baseline = IntradayBaseline.FromMinuteBars(EngineFixtures.MinuteBars(1000, 100, 5.00, 0.01));

        BaselineStats afternoon = baseline.At(EngineFixtures.TenAm.AddHours(4))!.Value;

        Assert.Equal(600, afternoon.Count);
        Assert.Equal(1000, afternoon.VolumeMean, 9);
    }

    [Fact]
    public void Floors_keep_a_perfectly_regular_history_from_making_infinite_z_scores()
    {
        BaselineStats s = BaselineStats.Create(volumeMean: 2000, volumeStd: 0, returnStdPct: 0, count: 10, source: "bars");

        Assert.Equal(200, s.VolumeStd);
        Assert.Equal(0.01, s.ReturnStdPct);
        Assert.Equal(1, BaselineStats.Create(0, 0, 0.5, 1, "self").VolumeStd);
    }

    [Fact]
    public void No_bars_means_no_baseline()
    {
        Assert.Null(IntradayBaseline.FromMinuteBars([]).At(EngineFixtures.TenAm));
    }

    private static int ExchangeClockHour(HistoryBar b) => b.Start.ToOffset(TimeSpan.FromHours(-5)).Hour;
}
