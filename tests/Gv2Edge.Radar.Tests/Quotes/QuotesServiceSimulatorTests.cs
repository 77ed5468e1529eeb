using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Xunit;

namespace Gv2Edge.Radar.Tests.Quotes;

public sealed class QuotesServiceSimulatorTests
{
    private static readonly string[] Watchlist = ["SOUN", "AAPL", "MSFT", "NVDA", "TSLA", "AMD", "INTC", "SPY"];

    [Fact]
    public async Task Gap_scan_of_the_gap_up_scenario_finds_SOUN_about_12_percent_over_the_previous_close_and_nothing_else()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));

        GapScanResult result = await GapScanner.ScanAsync(f.Service, Watchlist, new GapScanOptions(MarketSession.Pre));

        Assert.Empty(result.Errors);
        Assert.Equal(new DateOnly(2026, 11, 24), result.Day);
        GapRow row = Assert.Single(result.Rows);
        Assert.Equal("SOUN", row.Symbol);
        Assert.Equal("PRE", row.Session);
        Assert.Equal("prevClose", row.ReferenceKind);
        Assert.InRange(row.GapPct, 10, 14);
        Assert.True(row.Volume >= 10_000, $"volume {row.Volume}");
        Assert.Equal(GapMath.PercentChange(row.Last, row.Reference)!.Value, row.GapPct, 3);
    }

    [Fact]
    public async Task Gap_scan_with_a_zero_threshold_sorts_rows_by_absolute_gap()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 30));

        GapScanResult result = await GapScanner.ScanAsync(f.Service, Watchlist, new GapScanOptions(MarketSession.Pre, MinGapPct: 0, MinVolume: 0));

        Assert.True(result.Rows.Count > 1);
        Assert.Equal("SOUN", result.Rows[0].Symbol);
        double[] gaps = [.. result.Rows.Select(r => Math.Abs(r.GapPct))];
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);
    }

    [Fact]
    public async Task Pre_market_quote_carries_session_gap_and_pre_market_high_low_volume()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("gap-up", new TimeOnly(4, 10));

        (Quote q, ExtendedHours? x) = await f.Service.GetExtendedQuoteAsync("soun");

        Assert.Equal("SOUN", q.Symbol);
        Assert.Equal("PRE", q.Session);
        Assert.Equal(TimeSpan.FromHours(-5), q.Time.Offset);
        Assert.NotNull(q.Last);
        Assert.NotNull(q.PrevClose);
        Assert.InRange(q.GapPct!.Value, 9, 15);
        Assert.Equal(q.ChangePct, q.GapPct);
        Assert.Equal("live", q.MarketDataType);
        Assert.NotNull(x);
        Assert.Equal("prevClose", x.ReferenceKind);
        Assert.Equal(q.PrevClose, x.Reference);
        Assert.True(x.PreMarketHigh >= x.PreMarketLow);
        Assert.True(x.PreMarketVolume > 0);
        Assert.Equal(x.PreMarketVolume, x.ExtendedVolume);
    }

    [Fact]
    public async Task After_hours_gap_is_measured_against_todays_regular_close_with_the_change_vs_previous_close_alongside()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(16, 30));

        (Quote q, ExtendedHours? x) = await f.Service.GetExtendedQuoteAsync("AAPL");
        DayProfile day = await f.Service.GetDayProfileAsync("AAPL", new DateOnly(2026, 11, 24));

        Assert.Equal("POST", q.Session);
        Assert.NotNull(x);
        Assert.Equal("rthClose", x.ReferenceKind);
        Assert.Equal(day.RthClose, x.Reference);
        Assert.Equal(Math.Round(GapMath.PercentChange(q.Last!.Value, day.RthClose!.Value)!.Value, 4), q.GapPct);
        Assert.Equal(Math.Round(GapMath.PercentChange(q.Last!.Value, q.PrevClose!.Value)!.Value, 4), q.ChangePct);
        Assert.NotEqual(q.GapPct, q.ChangePct);
        Assert.True(x.ExtendedVolume > 0);
    }

    [Fact]
    public async Task Intraday_bars_start_on_their_minute_in_exchange_time_and_carry_their_session()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));

        IReadOnlyList<BarRow> bars = await f.Service.GetBarsAsync("MSFT", "1200 S", "1 min");

        Assert.NotEmpty(bars);
        Assert.All(bars, b =>
        {
            Assert.Equal(0, b.Time.Second);
            Assert.Equal(TimeSpan.FromHours(-5), b.Time.Offset);
            Assert.Equal(b.Time.TimeOfDay < new TimeSpan(9, 30, 0) ? "PRE" : "RTH", b.Session);
        });
        Assert.Contains(bars, b => b.Session == "PRE");
        Assert.Contains(bars, b => b.Session == "RTH");
        BarRow open = bars.First(b => b.Session == "RTH");
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 14, 30, 0, TimeSpan.Zero), open.Time.ToUniversalTime());
    }

    [Fact]
    public async Task Daily_bars_have_no_session()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));

        IReadOnlyList<BarRow> bars = await f.Service.GetBarsAsync("MSFT", "5 D", "1 day", rthOnly: true);

        Assert.NotEmpty(bars);
        Assert.All(bars, b => Assert.Null(b.Session));
    }

    [Fact]
    public async Task Unknown_symbol_fails_with_code_200_and_the_others_still_answer()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));

        SymbolException ex = await Assert.ThrowsAsync<SymbolException>(() => f.Service.GetQuoteAsync("ZZZZQ"));
        Quote ok = await f.Service.GetQuoteAsync("AAPL");

        Assert.Equal(SymbolErrorCodes.Unknown, ex.Code);
        Assert.Contains("ZZZZQ", ex.Message, StringComparison.Ordinal);
        Assert.Equal("RTH", ok.Session);
    }

    [Fact]
    public async Task A_second_quote_within_five_seconds_comes_from_the_cache()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));

        Quote first = await f.Service.GetQuoteAsync("AAPL");
        Quote second = await f.Service.GetQuoteAsync("aapl");

        Assert.Equal(first.Last, second.Last);
        Assert.Equal((1L, 1L), f.Service.QuoteCacheStats);
        Assert.Equal(1, f.Service.Contracts.CacheStats.Hits);
    }

    [Fact]
    public async Task A_subscribed_symbol_is_quoted_from_its_streaming_ticker_without_a_snapshot()
    {
        await using QuotesSimulatorFixture f = await QuotesSimulatorFixture.StartAsync("quiet", new TimeOnly(9, 40));
        var details = await f.Service.Contracts.ResolveAsync("NVDA");
        var sub = f.Client.Subscribe(ContractResolver.ForMarketData(details));
        await Gv2Edge.TestKit.Wait.UntilAsync("NVDA ticks", () => sub.Ticker.Snapshot().UpdateCount > 0);

        Quote q = await f.Service.GetQuoteAsync("NVDA");

        Assert.NotNull(q.Last);
        Assert.Equal((0L, 0L), f.Service.QuoteCacheStats);
    }
}
