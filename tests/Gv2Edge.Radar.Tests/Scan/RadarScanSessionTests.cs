using Gv2Edge.Market;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Scan;
using Xunit;

namespace Gv2Edge.Radar.Tests.Scan;

public sealed class RadarScanSessionTests
{
    private static readonly string[] Quiet = ["AAPL", "MSFT", "TLRY", "RIOT", "SOFI"];

    [Theory]
    [InlineData(4, 45, "PRE")]
    [InlineData(11, 0, "RTH")]
    [InlineData(17, 30, "POST")]
    public async Task A_quiet_market_raises_no_volume_spike_because_the_baseline_counts_the_same_hours_as_today(int hour, int minute, string session)
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("quiet", new TimeOnly(hour, minute));
        RadarScanService service = f.Service();

        RadarScanResult result = await service.ScanAsync(RadarUniverse.Named(Quiet));

        Assert.Empty(result.Errors);
        Assert.Equal(session, result.Session);
        Assert.Equal(new DateOnly(2026, 11, 24), result.TradingDay);
        DateTimeOffset at = service.VolumeClock(result.Time, result.TradingDay);
        Assert.Equal(result.Time, at);
        Assert.Equal(Quiet.Length, result.Scored.Count);
        Assert.All(result.Scored, r =>
        {
            Assert.Equal(session, r.Session);
            Assert.Equal("live", r.DataQuality);
            Assert.DoesNotContain("VOLUME_SPIKE", r.Types);
            Assert.InRange(r.VolumeRatio!.Value, 0.3, 3);
            Assert.Equal(service.CachedBaseline(r.Symbol)!.AverageVolumeTo(at, includeExtended: true), r.AvgVolumeToTime);
            Assert.NotNull(r.Atr);
        });
    }

    [Fact]
    public async Task Overnight_today_is_the_last_trading_session_and_its_volume_is_compared_with_whole_sessions()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("quiet", new DateTime(2026, 11, 24, 22, 30, 0));
        RadarScanService service = f.Service();

        RadarScanResult result = await service.ScanAsync(RadarUniverse.Named(["AAPL", "TLRY"]));

        Assert.Empty(result.Errors);
        Assert.Equal("CLOSED", result.Session);
        Assert.Equal(new DateOnly(2026, 11, 24), result.TradingDay);
        DateTimeOffset at = service.VolumeClock(result.Time, result.TradingDay);
        Assert.Equal(ExchangeTime.At(new DateOnly(2026, 11, 24), new TimeOnly(20, 0)), at);
        Assert.All(result.Scored, r => Assert.InRange(r.VolumeRatio!.Value, 0.3, 3));
    }

    [Fact]
    public async Task Volume_clock_stops_at_the_end_of_the_counted_sessions_and_runs_with_the_market_inside_them()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));
        var day = new DateOnly(2026, 11, 24);
        RadarScanService extended = f.Service();
        RadarScanService rthOnly = f.Service(new RadarScanOptions { IncludeExtendedHours = false });
        DateTimeOffset morning = ExchangeTime.At(day, new TimeOnly(10, 15));
        DateTimeOffset evening = ExchangeTime.At(day, new TimeOnly(18, 0));
        DateTimeOffset saturday = ExchangeTime.At(new DateOnly(2026, 11, 28), new TimeOnly(12, 0));

        Assert.Equal(morning, extended.VolumeClock(morning, day));
        Assert.Equal(evening, extended.VolumeClock(evening, day));
        Assert.Equal(ExchangeTime.At(day, new TimeOnly(16, 0)), rthOnly.VolumeClock(evening, day));
        // The Friday after Thanksgiving is a half-day: its sessions end at 17:00.
        Assert.Equal(ExchangeTime.At(new DateOnly(2026, 11, 27), new TimeOnly(17, 0)), extended.VolumeClock(saturday, new DateOnly(2026, 11, 27)));
    }
}
