using Gv2Edge.Market;
using Gv2Edge.Radar.State;
using Xunit;

namespace Gv2Edge.Radar.Tests.State;

public class SessionAndBaselineTests
{
    private static readonly TimeSpan Est = TimeSpan.FromHours(-5);

    [Theory]
    [InlineData(3, 59, MarketSession.Closed)]
    [InlineData(4, 0, MarketSession.Pre)]
    [InlineData(9, 29, MarketSession.Pre)]
    [InlineData(9, 30, MarketSession.Rth)]
    [InlineData(15, 59, MarketSession.Rth)]
    [InlineData(16, 0, MarketSession.Post)]
    [InlineData(20, 0, MarketSession.Closed)]
    public void Sessions_follow_new_york_hours(int hour, int minute, MarketSession expected)
    {
        var clock = new SessionClock();
        Assert.Equal(expected, clock.At(new DateTimeOffset(2026, 11, 18, hour, minute, 0, Est)).Session);
    }

    [Fact]
    public void Session_boundaries_follow_daylight_saving_time_and_weekends()
    {
        var clock = new SessionClock();
        Assert.Equal(MarketSession.Rth, clock.At(new DateTimeOffset(2026, 7, 15, 13, 30, 0, TimeSpan.Zero)).Session); // 09:30 EDT
        Assert.Equal(MarketSession.Pre, clock.At(new DateTimeOffset(2026, 12, 15, 14, 29, 0, TimeSpan.Zero)).Session); // 09:29 EST
        Assert.Equal(MarketSession.Closed, clock.At(new DateTimeOffset(2026, 11, 21, 12, 0, 0, Est)).Session); // Saturday
        SessionPoint p = clock.At(new DateTimeOffset(2026, 11, 18, 10, 15, 0, Est));
        Assert.Equal(new DateOnly(2026, 11, 18), p.ExchangeDate);
        Assert.Equal((10 * 60) + 15, p.MinuteOfDay);
    }

    [Fact]
    public void Baseline_from_bars_averages_the_same_minute_across_days()
    {
        var bars = new List<Bar>();
        for (int d = 0; d < 4; d++)
        {
            var open = new DateTimeOffset(2026, 11, 9 + d, 9, 30, 0, Est);
            for (int m = 0; m < 390; m++)
            {
                bars.Add(new Bar(open.AddMinutes(m), 10, 10, 10, 10, (decimal)(m < 30 ? 5000 : 1000 + (d * 100))));
            }
        }

        var service = new BaselineService();
        VolumeProfile p = service.FromBars("ACME", new DateOnly(2026, 11, 18), bars);
        Assert.Equal(5000, p.MeanAt((9 * 60) + 40), 6);
        Assert.Equal(1150, p.MeanAt(12 * 60), 6);
        Assert.True(p.StdAt(12 * 60) > 0);
        Assert.True(double.IsNaN(p.MeanAt(6 * 60)), "pre-market minutes without bars are unknown, not zero");
        Assert.Same(p, service.Get("ACME", new DateOnly(2026, 11, 18)));
        Assert.Null(service.Get("ACME", new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void Average_daily_volume_is_spread_over_a_u_shaped_curve_with_light_extended_hours()
    {
        var service = new BaselineService();
        VolumeProfile p = service.FromAverageDailyVolume("ACME", new DateOnly(2026, 11, 18), 1_000_000);
        double total = 0, pre = 0;
        for (int m = 0; m < VolumeProfile.Minutes; m++)
        {
            double v = double.IsNaN(p.MeanAt(m)) ? 0 : p.MeanAt(m);
            total += v;
            pre += m < (9 * 60) + 30 ? v : 0;
        }

        Assert.Equal(1_000_000, total, 0);
        Assert.InRange(pre / total, 0.03, 0.05);
        double open = p.MeanAt((9 * 60) + 30), noon = p.MeanAt(12 * 60 + 30), close = p.MeanAt((15 * 60) + 59);
        Assert.True(open > 3 * noon && close > 2 * noon, $"open {open}, noon {noon}, close {close}");
        Assert.True(double.IsNaN(p.MeanAt(2 * 60)));
    }
}
