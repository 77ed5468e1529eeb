using Gv2Edge.Radar.Flow;
using Gv2Edge.Radar.Services;
using Gv2Edge.TestKit;
using Gv2Edge.Tws.Simulator;
using Xunit;

namespace Gv2Edge.Radar.Tests.Flow;

public sealed class OptionsFlowServiceSimulatorTests
{
    private static Task<OptionsFlowResult> Scan(FlowSimulatorFixture f, string symbol)
        => Wait.ForAsync($"options flow of {symbol}", f.Service.ScanAsync(symbol), TimeSpan.FromSeconds(60));

    private static void AssertFinite(OptionsFlowResult r)
    {
        double?[] values =
        [
            r.Score, r.CallVolume, r.PutVolume, r.CallOpenInterest, r.PutOpenInterest, r.PutCallRatio, r.CallShare,
            r.VolumeToOpenInterest, r.AvgOptionVolume, r.ImpliedVol, r.TargetStrike,
            .. r.Signals.SelectMany(s => new double?[] { s.Value, s.Threshold, s.Score }),
            .. r.TopStrikes.SelectMany(c => new[] { c.Strike, c.Volume, c.OpenInterest, c.ImpliedVol, c.Delta, c.Gamma, c.Theta, c.Vega }),
        ];
        Assert.All(values, v => Assert.True(v is null || double.IsFinite(v.Value), $"{r.Symbol}: a value is not finite"));
    }

    [Fact]
    public async Task A_call_burst_at_one_strike_ranks_that_call_first_and_names_it_the_target()
    {
        // call-burst: 10,000 AAPL calls from 09:35 to 09:40 at the first strike above 229.90 (the 230 call), nearest expiry.
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(FlowSimulatorFixture.At("call-burst", 9, 45));

        OptionsFlowResult r = await Scan(f, "AAPL");

        Assert.Equal("ok", r.Status);
        Assert.Equal(230, r.TargetStrike);
        OptionContractRow top = r.TopStrikes[0];
        Assert.Equal(("20261127", 230.0, "C"), (top.Expiry, top.Strike, top.Right));
        Assert.True(top.Volume >= 10_000);
        Assert.Equal("ib", top.GreeksSource);
        Assert.InRange(top.Delta!.Value, 0.01, 0.99);
        Assert.Contains(r.Signals, s => s.Type == "HIGH_CALL_VOLUME");
        Assert.Contains(r.Signals, s => s.Type == "CALL_CONCENTRATION" && s.Reason.Contains("230 strike", StringComparison.Ordinal));
        Assert.True(r.Score >= 0.8);
        Assert.All(r.TopStrikes, c => Assert.InRange(c.Strike, 229.9 * 0.85, 229.9 * 1.15));
        Assert.Equal(0, f.Client.Lines.Used);
        AssertFinite(r);
    }

    [Fact]
    public async Task Volume_above_open_interest_on_one_call_is_reported_as_new_positions()
    {
        string file = Path.Combine(Path.GetTempPath(), $"flow-burst-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "name": "pypl-calls", "start": "2026-11-24 09:30",
              "events": [ { "at": "09:35", "symbol": "PYPL", "kind": "callVolumeBurst", "contracts": 30000, "durationSeconds": 300 } ] }
            """);
        try
        {
            await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(FlowSimulatorFixture.At(file, 9, 45));

            OptionsFlowResult r = await Scan(f, "PYPL");

            // PYPL starts at 84.40 with 2.5-wide strikes: the burst trades the 85 call.
            Assert.Equal(85, r.TargetStrike);
            NewPosition p = r.NewPositions[0];
            Assert.Equal(("20261127", 85.0, "C"), (p.Expiry, p.Strike, p.Right));
            Assert.True(p.Volume > p.OpenInterest && p.Volume >= 30_000);
            Assert.Contains(r.Signals, s => s.Type == "VOLUME_OVER_OI" && s.Reason.Contains("85C", StringComparison.Ordinal) && s.Value > 1);
            Assert.Contains(r.Signals, s => s.Type == "HIGH_CALL_VOLUME");
            Assert.Contains(r.Signals, s => s.Type == "LOW_PC_RATIO");
            AssertFinite(r);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_put_heavy_day_raises_no_bullish_signal_and_shows_the_puts()
    {
        // put-heavy: 20,000 PYPL puts from 09:35 to 09:40 at the first strike below 84.40 (the 82.5 put).
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(FlowSimulatorFixture.At("put-heavy", 9, 45));

        OptionsFlowResult r = await Scan(f, "PYPL");

        Assert.Equal("ok", r.Status);
        Assert.True(r.PutCallRatio > 1, $"P/C {r.PutCallRatio}");
        Assert.True(r.CallShare < 50);
        Assert.DoesNotContain(r.Signals, s => s.Type is "HIGH_CALL_VOLUME" or "LOW_PC_RATIO" or "CALL_CONCENTRATION");
        Assert.Contains(r.Signals, s => s.Type == "HIGH_OPTIONS_VOLUME");
        Assert.Contains(r.Signals, s => s.Type == "VOLUME_OVER_OI" && s.Reason.Contains("82.5P", StringComparison.Ordinal));
        OptionContractRow top = r.TopStrikes[0];
        Assert.Equal((82.5, "P"), (top.Strike, top.Right));
        Assert.InRange(top.Delta!.Value, -0.99, -0.01);
        Assert.NotEqual(82.5, r.TargetStrike);
        AssertFinite(r);
    }

    [Fact]
    public async Task A_quiet_symbol_without_listed_options_says_so_and_opens_no_contract_line()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(FlowSimulatorFixture.At("quiet", 10, 0));

        OptionsFlowResult r = await Scan(f, "BBAI");

        Assert.Equal("no-options", r.Status);
        Assert.Equal(0, r.Score);
        Assert.Empty(r.Signals);
        Assert.Empty(r.TopStrikes);
        Assert.Null(r.TargetStrike);
        Assert.Null(r.PutCallRatio);
        Assert.Contains(r.Notes, n => n.Contains("no options", StringComparison.Ordinal));
        Assert.Equal(1, f.Service.LinesOpened);
    }

    [Fact]
    public async Task Without_OPRA_the_contracts_are_refused_with_354_and_the_status_says_so()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("call-burst", 9, 45) with { OptionDataPermission = false });

        OptionsFlowResult r = await Scan(f, "AAPL");

        Assert.Equal("no-permission", r.Status);
        Assert.Contains(r.Notes, n => n.Contains("354", StringComparison.Ordinal) && n.Contains("OPRA", StringComparison.Ordinal));
        Assert.Empty(r.TopStrikes);
        Assert.Null(r.TargetStrike);
        Assert.Contains(r.Signals, s => s.Type == "HIGH_CALL_VOLUME");  // the underlying's aggregate ticks still count
        Assert.Equal(0, f.Client.Lines.Used);
        AssertFinite(r);
    }

    [Fact]
    public async Task A_stock_line_refused_with_354_gives_a_no_permission_result_not_an_error()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("quiet", 10, 0) with { UnsubscribedSymbols = ["MSFT"], DelayedDataEnabled = false });

        OptionsFlowResult r = await Scan(f, "MSFT");

        Assert.Equal("no-permission", r.Status);
        Assert.Null(r.CallVolume);
        Assert.Empty(r.Signals);
        Assert.Contains(r.Notes, n => n.Contains("354", StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_IB_never_sends_greeks_our_Black_Scholes_greeks_fill_in()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("call-burst", 9, 45) with { SendOptionGreeks = false },
            // The first contracts wait the whole ContractWait for greeks that never come, while the rest queue behind the
            // client's pacer for their lines: 1 s left a contract unread now and then (status "partial").
            new OptionsFlowServiceOptions { ContractWait = TimeSpan.FromSeconds(3), MaxStrikesPerExpiry = 4, Expirations = 1 });

        OptionsFlowResult r = await Scan(f, "AAPL");

        Assert.Equal("ok", r.Status);
        Assert.Equal(8, r.TopStrikes.Count);
        Assert.All(r.TopStrikes, c => Assert.Equal("model", c.GreeksSource));
        Assert.Contains(r.Notes, n => n.Contains("Black–Scholes", StringComparison.Ordinal));
        foreach (IGrouping<double, OptionContractRow> strike in r.TopStrikes.GroupBy(c => c.Strike))
        {
            OptionContractRow call = strike.Single(c => c.Right == "C");
            OptionContractRow put = strike.Single(c => c.Right == "P");
            Assert.InRange(call.Delta!.Value, 0, 1);
            Assert.InRange(put.Delta!.Value, -1, 0);
            Assert.InRange(call.Delta.Value - put.Delta.Value, 0.97, 1.03);  // q = 0: Δc − Δp = 1, IVs from two quotes differ slightly
            Assert.InRange(call.ImpliedVol!.Value, 0.15, 0.40);  // the simulator prices near a 24% volatility
            Assert.True(call.Gamma > 0 && call.Vega > 0 && call.Theta < 0);
        }

        AssertFinite(r);
    }

    [Fact]
    public async Task An_unknown_symbol_throws_a_symbol_error_with_IBs_code()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(FlowSimulatorFixture.At("quiet", 10, 0));

        SymbolException ex = await Assert.ThrowsAsync<SymbolException>(() => f.Service.ScanAsync("ZZZZQ"));

        Assert.Equal(200, ex.Code);
        Assert.Equal(0, f.Client.Lines.Used);
    }
    [Fact]
    public async Task The_time_limit_per_symbol_cuts_a_wait_for_greeks_that_never_come()
    {
        // Each contract would wait 10 minutes for IB's greeks; the 2 s limit per symbol ends the wait with what arrived.
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("call-burst", 9, 45) with { SendOptionGreeks = false },
            new OptionsFlowServiceOptions { ContractWait = TimeSpan.FromMinutes(10), SymbolTimeout = TimeSpan.FromSeconds(2), Expirations = 1, MaxStrikesPerExpiry = 2 });

        OptionsFlowResult r = await Wait.ForAsync("a scan bounded by its 2 s limit", f.Service.ScanAsync("AAPL"), TimeSpan.FromSeconds(30));

        Assert.Equal(4, r.TopStrikes.Count);
        Assert.All(r.TopStrikes, c => Assert.Equal("model", c.GreeksSource));
        Assert.Equal(0, f.Client.Lines.Used);
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_in_time_gives_a_no_data_error_for_the_symbol()
    {
        await using FlowSimulatorFixture f = await FlowSimulatorFixture.StartAsync(
            FlowSimulatorFixture.At("quiet", 10, 0), new OptionsFlowServiceOptions { SymbolTimeout = TimeSpan.FromSeconds(1) });
        f.Simulator.Faults.ReplyDelay = TimeSpan.FromSeconds(20);

        SymbolException ex = await Assert.ThrowsAsync<SymbolException>(
            () => Wait.ForAsync("a scan bounded by its 1 s limit", f.Service.ScanAsync("MSFT"), TimeSpan.FromSeconds(15)));

        Assert.Equal(SymbolErrorCodes.NoData, ex.Code);
        Assert.Contains("within the 1 s limit", ex.Message, StringComparison.Ordinal);
    }
}
