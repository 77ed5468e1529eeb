using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Scan;
using Xunit;

namespace Gv2Edge.Radar.Tests.Scan;

public sealed class RadarScanAnomalyTests
{
    [Fact]
    public async Task Gap_up_scenario_reports_SOUN_with_a_signed_gap_and_the_capped_gap_score()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));

        RadarScanResult result = await f.Service().ScanAsync(RadarUniverse.Named(["SOUN", "AAPL", "MSFT", "TLRY"]));

        Assert.Empty(result.Errors);
        Assert.Equal("PRE", result.Session);
        RadarRow soun = Assert.Single(result.Rows, r => r.Symbol == "SOUN");
        Assert.Contains("GAP", soun.Types);
        Assert.InRange(soun.GapPct!.Value, 10, 14);
        Assert.Equal((soun.Last!.Value - soun.PrevClose!.Value) / soun.PrevClose.Value * 100, soun.GapPct.Value, 9);
        AnomalyFinding gap = Assert.Single(soun.Anomalies, a => a.Type == "GAP");
        Assert.Equal(0.5, gap.Score);
        Assert.Equal(soun.Anomalies.Sum(a => a.Score), soun.Score, 12);
        Assert.Contains("SOUN", result.Suspects);
        Assert.Equal(result.Rows.Select(r => r.Score).OrderByDescending(s => s), result.Rows.Select(r => r.Score));
    }
}
