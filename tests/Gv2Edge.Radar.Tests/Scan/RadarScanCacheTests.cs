using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;
using Xunit;

namespace Gv2Edge.Radar.Tests.Scan;

public sealed class RadarScanCacheTests
{
    [Fact]
    public async Task The_first_scan_of_a_new_day_reuses_the_last_days_contracts_and_asks_only_for_bars_and_quotes()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"edge-radar-{Guid.NewGuid():N}");
        string[] symbols = ["AAPL", "SOUN", "AMD", "ZZZZQ"];
        await using RadarSimulatorFixture monday = await RadarSimulatorFixture.StartAsync("quiet", new DateTime(2026, 11, 23, 10, 30, 0), dir);
        await using RadarSimulatorFixture tuesday = await RadarSimulatorFixture.StartAsync("quiet", new DateTime(2026, 11, 24, 10, 30, 0), dir);

        RadarScanResult first = await monday.Service().ScanAsync(RadarUniverse.Named(symbols));
        RadarScanResult next = await tuesday.Service().ScanAsync(RadarUniverse.Named(symbols));

        Assert.Equal(new DateOnly(2026, 11, 23), first.TradingDay);
        Assert.Equal(new DateOnly(2026, 11, 24), next.TradingDay);
        Assert.Equal(4, first.Stats.ContractLookups);
        // The known contracts come from Monday's file; IB's "unknown" answer is asked again (a symbol can list overnight).
        Assert.Equal(1, next.Stats.ContractLookups);
        Assert.Equal(3, next.Stats.HistoricalRequests);
        Assert.Equal(0, next.Stats.CacheHits);
        Assert.Equal(["ZZZZQ"], next.Errors.Select(e => e.Symbol));
        Assert.Equal(["AAPL", "AMD", "SOUN"], next.Scored.Select(r => r.Symbol).Order());
        Assert.All(next.Scored, r => Assert.NotNull(r.Atr));
    }
}
