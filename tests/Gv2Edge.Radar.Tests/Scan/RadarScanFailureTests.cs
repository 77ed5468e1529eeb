using Gv2Edge.Market;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Scan;
using Gv2Edge.Tws.Simulator.Faults;
using Gv2Edge.Tws.Simulator.Market;
using Xunit;

namespace Gv2Edge.Radar.Tests.Scan;

public sealed class RadarScanFailureTests
{
    [Fact]
    public async Task An_unknown_symbol_is_reported_with_code_200_the_others_are_scored_and_a_re_scan_does_not_ask_again()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));

        RadarScanResult first = await f.Service().ScanAsync(RadarUniverse.Named(["ZZZZQ", "SOUN", "AAPL"]));
        RadarScanResult second = await f.Service().ScanAsync(RadarUniverse.Named(["ZZZZQ", "SOUN", "AAPL"]));

        foreach (RadarScanResult r in new[] { first, second })
        {
            SymbolError error = Assert.Single(r.Errors);
            Assert.Equal("ZZZZQ", error.Symbol);
            Assert.Equal(200, error.Code);
            Assert.Equal(["AAPL", "SOUN"], r.Scored.Select(x => x.Symbol).Order());
            Assert.Contains(r.Rows, x => x.Symbol == "SOUN");
        }

        Assert.Equal(3, first.Stats.ContractLookups);
        Assert.Equal(0, second.Stats.ContractLookups);
    }

    [Fact]
    public async Task Bars_the_gateway_refuses_are_reported_per_symbol_and_the_volume_is_compared_with_IBs_average_volume_instead()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("volume-burst", new TimeOnly(9, 41));
        f.Simulator.Faults.FailHistoricalData("AMD", HistoricalFailure.NoData);
        // (A pacing refusal is not here: the client queues it again with a back-off, so the scan sees only its timeout.)
        f.Simulator.Faults.FailHistoricalData("MSFT", HistoricalFailure.NoPermission);
        string[] symbols = ["AMD", "MSFT", "AAPL", "SOUN"];

        RadarScanResult result = await f.Service().ScanAsync(RadarUniverse.Named(symbols));

        Assert.Equal(["AMD", "MSFT"], result.Errors.Select(e => e.Symbol));
        Assert.All(result.Errors, e => Assert.Equal(162, e.Code));
        Assert.Contains("HMDS query returned no data: AMD@SMART", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("No market data permissions", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.All(result.Errors, e => Assert.Contains("IB's average volume instead", e.Message, StringComparison.Ordinal));
        Assert.Equal(4, result.Scored.Count);
        Assert.Equal(2, result.Stats.AverageVolumeBaselines);

        // AMD's burst is still found: its volume against IB's average volume (tick 21) spread over the intraday curve.
        RadarRow amd = Assert.Single(result.Scored, r => r.Symbol == "AMD");
        double adv = Universe.Default.Find("AMD")!.AvgDailyVolume;
        double share = VolumeToTime.CumulativeShare(TimeOnly.FromTimeSpan(ExchangeTime.ToExchange(result.Time).TimeOfDay), includeExtended: true);
        Assert.Equal(VolumeBaselineSource.IbAverageVolume, amd.VolumeBaseline);
        Assert.Equal(adv * share, amd.AvgVolumeToTime!.Value, 6);
        Assert.Null(amd.Atr);
        AnomalyFinding spike = Assert.Single(amd.Anomalies, a => a.Type == "VOLUME_SPIKE");
        Assert.Contains("baseline from IB's 90-day average volume", spike.Reason, StringComparison.Ordinal);
        Assert.True(amd.VolumeRatio > 3, $"ratio {amd.VolumeRatio}");
        Assert.Equal(amd.Volume!.Value / amd.AvgVolumeToTime.Value, amd.VolumeRatio!.Value, 9);

        // The others have their own bars, and the quiet majors raise nothing.
        RadarRow aapl = Assert.Single(result.Scored, r => r.Symbol == "AAPL");
        Assert.Equal(VolumeBaselineSource.Bars, aapl.VolumeBaseline);
        Assert.NotNull(aapl.Atr);
        Assert.DoesNotContain("VOLUME_SPIKE", aapl.Types);
        Assert.Equal(VolumeBaselineSource.IbAverageVolume, Assert.Single(result.Scored, r => r.Symbol == "MSFT").VolumeBaseline);

        // Fallback baselines are not cached: once the gateway serves the bars again, the next scan asks for those two only.
        f.Simulator.Faults.RestoreHistoricalData("AMD");
        f.Simulator.Faults.RestoreHistoricalData("MSFT");
        RadarScanResult again = await f.Service().ScanAsync(RadarUniverse.Named(symbols));
        Assert.Empty(again.Errors);
        Assert.Equal(2, again.Stats.HistoricalRequests);
        Assert.Equal(2, again.Stats.CacheHits);
        Assert.Equal(0, again.Stats.AverageVolumeBaselines);
        RadarRow amdFromBars = Assert.Single(again.Scored, r => r.Symbol == "AMD");
        Assert.Equal(VolumeBaselineSource.Bars, amdFromBars.VolumeBaseline);
        Assert.Contains("VOLUME_SPIKE", amdFromBars.Types);
        Assert.NotNull(amdFromBars.Atr);
    }

    [Fact]
    public async Task A_warm_cache_re_scan_sends_only_quote_requests()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("quiet", new TimeOnly(10, 30));
        string[] symbols = ["AAPL", "MSFT", "TLRY", "RIOT", "SOUN", "AMD"];
        RadarScanResult cold = await f.Service().ScanAsync(RadarUniverse.Named(symbols));
        Assert.Equal(6, cold.Stats.HistoricalRequests);
        Assert.Equal(6, cold.Stats.ContractLookups);
        Assert.NotNull(Directory.GetFiles(f.CacheDirectory, "radar-baselines-2026-11-24.json").SingleOrDefault());
        long before = f.Simulator.MessagesReceived;

        // A new service (a new process, as far as memory goes) over the same cache directory.
        RadarScanResult warm = await f.Service().ScanAsync(RadarUniverse.Named(symbols));

        // The last cancels may still be on the wire when the scan returns.
        await Gv2Edge.TestKit.Wait.UntilAsync("the warm scan's cancels reach the gateway", () => f.Simulator.MessagesReceived - before >= 12);
        long sent = f.Simulator.MessagesReceived - before;
        Assert.Empty(warm.Errors);
        Assert.Equal(0, warm.Stats.HistoricalRequests);
        Assert.Equal(0, warm.Stats.ContractLookups);
        Assert.Equal(6, warm.Stats.CacheHits);
        Assert.Equal(6, warm.Stats.Quotes);
        // reqMktData + cancelMktData per symbol (one heartbeat may fall inside the window).
        Assert.InRange(sent, 12, 13);
        Assert.Equal(cold.Scored.Select(r => (r.Symbol, r.Atr)).Order(), warm.Scored.Select(r => (r.Symbol, r.Atr)).Order());
    }

    [Fact]
    public async Task Price_and_volume_filters_apply_to_a_universe_and_never_to_symbols_named_explicitly()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));
        string file = Path.Combine(Path.GetTempPath(), $"edge-radar-universe-{Guid.NewGuid():N}.txt");
        await File.WriteAllLinesAsync(file, ["# majors and a small cap", "AAPL", "MSFT", "SOUN"]);
        try
        {
            RadarScanResult universe = await f.Service().ScanAsync(RadarUniverse.FromFile(file));
            RadarScanResult named = await f.Service().ScanAsync(RadarUniverse.Named(["AAPL", "MSFT", "SOUN"]));
            RadarScanResult volume = await f.Service(new RadarScanOptions { MinVolume = 1e12 }).ScanAsync(RadarUniverse.FromFile(file));

            Assert.Equal(2, universe.Stats.FilteredOut);
            Assert.Equal(["SOUN"], universe.Scored.Select(r => r.Symbol));
            Assert.Equal(0, named.Stats.FilteredOut);
            Assert.Equal(3, named.Scored.Count);
            Assert.Equal(3, volume.Stats.FilteredOut);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Scanner_universe_merges_codes_drops_duplicates_and_reports_a_bad_code_without_losing_the_others()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));

        ScannerUniverseResult u = await ScannerUniverse.LoadAsync(f.Client, ["TOP_PERC_GAIN", "HIGH_OPEN_GAP", "MOST_ACTIVE", "NO_SUCH_SCAN"], new AnomalyOptions(), 0);
        RadarScanResult result = await f.Service().ScanAsync([.. u.Targets.Take(8)]);

        SymbolError bad = Assert.Single(u.Problems);
        Assert.Equal("NO_SUCH_SCAN", bad.Symbol);
        Assert.Equal(u.Targets.Count, u.Targets.Select(t => t.Symbol).Distinct().Count());
        Assert.InRange(u.Targets.Count, 51, 150);
        Assert.All(u.Targets, t => Assert.True(t.Filtered && t.Contract is { ConId: > 0 }));
        Assert.Equal("SOUN", u.Targets[0].Symbol);
        Assert.Equal(0, result.Stats.ContractLookups);
        Assert.Contains(result.Rows, r => r.Symbol == "SOUN" && r.Types.Contains("GAP"));
        Assert.All(result.Scored, r => Assert.InRange(r.Last!.Value, 0.0001, 20));
        Assert.Throws<ArgumentException>(() => ScannerUniverse.LoadAsync(f.Client, [.. Enumerable.Range(0, 11).Select(i => $"CODE{i}")], new AnomalyOptions(), 0).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task Continuous_mode_reports_suspects_as_new_only_the_first_time()
    {
        await using RadarSimulatorFixture f = await RadarSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));
        RadarScanService service = f.Service();
        IReadOnlyList<RadarTarget> targets = RadarUniverse.Named(["SOUN", "AAPL"]);
        var results = new List<RadarScanResult>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await foreach (RadarScanResult r in service.RunAsync(_ => Task.FromResult(targets), TimeSpan.FromMilliseconds(200), stop.Token))
        {
            results.Add(r);
            if (results.Count == 2)
            {
                break;
            }
        }

        Assert.Equal(["SOUN"], results[0].NewSuspects);
        Assert.Equal(["SOUN"], results[1].Suspects);
        Assert.Empty(results[1].NewSuspects);
        Assert.Equal(0, results[1].Stats.HistoricalRequests);
    }
}
