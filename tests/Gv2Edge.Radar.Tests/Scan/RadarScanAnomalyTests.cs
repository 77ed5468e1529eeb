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
        Assert.Equal(soun.PrevClose.Value, gap.Baseline);
        Assert.Equal(soun.Anomalies.Sum(a => a.Score), soun.Score, 12);
        Assert.Contains("SOUN", result.Suspects);
        Assert.Equal(result.Rows.Select(r => r.Score).OrderByDescending(s => s), result.Rows.Select(r => r.Score));
        AssertScoresFollowTheContract(result.Rows);
    }

    [Fact]
    public async Task Volume_burst_scenario_reports_AMD_against_its_own_average_to_this_time_and_not_the_quiet_majors()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("volume-burst", new TimeOnly(9, 41));

        RadarScanResult result = await f.Service().ScanAsync(RadarUniverse.Named(["AMD", "AAPL", "MSFT"]));

        Assert.Empty(result.Errors);
        Assert.Equal("RTH", result.Session);
        RadarRow amd = Assert.Single(result.Scored, r => r.Symbol == "AMD");
        AnomalyFinding spike = Assert.Single(amd.Anomalies, a => a.Type == "VOLUME_SPIKE");
        Assert.True(amd.VolumeRatio > 3, $"ratio {amd.VolumeRatio}");
        Assert.Equal(amd.Volume!.Value / amd.AvgVolumeToTime!.Value, amd.VolumeRatio!.Value, 9);
        Assert.Equal(Math.Min(0.3, amd.VolumeRatio.Value / 20), spike.Score, 12);
        Assert.Equal(amd.AvgVolumeToTime.Value, spike.Baseline);
        // A pure volume anomaly scores ratio/20: it is emitted only from 4x (score 0.2, inclusive).
        Assert.Equal(amd.Score >= 0.2, result.Rows.Any(r => r.Symbol == "AMD"));
        Assert.DoesNotContain(result.Scored, r => r.Symbol != "AMD" && r.Types.Contains("VOLUME_SPIKE"));
        AssertScoresFollowTheContract(result.Scored.Where(r => r.Types.Count > 0), emitted: false);
        AssertScoresFollowTheContract(result.Rows);
    }

    [Fact]
    public async Task The_same_two_million_shares_is_a_spike_for_a_small_cap_and_not_for_a_major()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("quiet", new TimeOnly(11, 0));
        RadarScanService service = f.Service();
        RadarScanResult result = await service.ScanAsync(RadarUniverse.Named(["TLRY", "AAPL"]));
        Assert.Empty(result.Errors);
        DateTimeOffset at = service.VolumeClock(result.Time, result.TradingDay);
        var scorer = new AnomalyScorer();

        RadarRow Score(string symbol) => scorer.Evaluate(new AnomalyInput
        {
            Symbol = symbol,
            Volume = 2_000_000,
            AvgVolumeToTime = service.CachedBaseline(symbol)!.AverageVolumeTo(at, includeExtended: true),
        });

        RadarRow small = Score("TLRY");
        RadarRow major = Score("AAPL");
        Assert.Contains("VOLUME_SPIKE", small.Types);
        Assert.True(small.Score >= 0.2, $"a pure volume anomaly at {small.VolumeRatio:0.0}x should be emitted");
        Assert.DoesNotContain("VOLUME_SPIKE", major.Types);
        Assert.True(major.VolumeRatio < 1, $"AAPL ratio {major.VolumeRatio}");
    }

    [Fact]
    public async Task Near_misses_do_not_fire_a_two_percent_gap_and_a_double_volume_burst()
    {
        string file = Path.Combine(Path.GetTempPath(), $"edge-radar-near-miss-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            {"name": "near-miss", "description": "below every radar threshold", "start": "2026-11-24 09:25",
             "events": [{"at": "04:00:30", "symbol": "MSFT", "kind": "gap", "percent": 2},
                        {"at": "09:35", "symbol": "AMD", "kind": "volumeBurst", "multiplier": 2, "durationSeconds": 300}]}
            """);
        try
        {
            await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync(file, new DateTime(2026, 11, 24, 9, 41, 0));

            RadarScanResult result = await f.Service().ScanAsync(RadarUniverse.Named(["MSFT", "AMD"]));

            Assert.Empty(result.Errors);
            Assert.Empty(result.Rows);
            Assert.Empty(result.Suspects);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every finding has the contract's score and crossed its threshold; every row's score is their sum.</summary>
    internal static void AssertScoresFollowTheContract(IEnumerable<RadarRow> rows, bool emitted = true)
    {
        foreach (RadarRow row in rows)
        {
            Assert.True(!emitted || row.Score >= 0.2, $"{row.Symbol} emitted at {row.Score}");
            Assert.Equal(row.Anomalies.Sum(a => a.Score), row.Score, 12);
            foreach (AnomalyFinding a in row.Anomalies)
            {
                double expected = a.Type switch
                {
                    "GAP" => Math.Min(0.5, 5 * Math.Abs(row.GapPct!.Value) / 100),
                    "VOLUME_SPIKE" => Math.Min(0.3, row.VolumeRatio!.Value / 20),
                    "VOLATILITY_SURGE" => Math.Min(0.2, 0.1 * row.RangeToAtr!.Value),
                    _ => double.NaN,
                };
                Assert.Equal(expected, a.Score, 12);
                Assert.True(Math.Abs(a.Value) > a.Threshold, $"{row.Symbol} {a.Type} {a.Value} vs {a.Threshold}");
            }
        }
    }
}
