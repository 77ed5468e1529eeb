using Gv2Edge.Market;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Gv2Edge.Radar.Tests.Engines;

public class MinuteBaselineLoaderTests
{
    /// <summary>Monday 30 November 2026, 10:00 New York: the three sessions before are the 27th (half-day), 25th and 24th.</summary>
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(-5));

    private static List<Bar> Day(DateOnly day, double volume)
    {
        var bars = new List<Bar>();
        DateTimeOffset open = ExchangeTime.At(day, new TimeOnly(9, 30));
        for (int m = 0; m < 120; m++)
        {
            bars.Add(new Bar(open.AddMinutes(m), 5, 5, 5, 5 + (m % 2 * 0.01), (decimal)(volume + (m % 2 * 200))));
        }

        return bars;
    }

    [Fact]
    public async Task One_request_per_previous_trading_session_feeds_the_buffer_and_the_shared_profile()
    {
        var asked = new List<DateOnly>();
        var buffer = new TickerStateBuffer();
        var shared = new BaselineService();
        var loader = new MinuteBaselineLoader(
            (symbol, day, _) =>
            {
                asked.Add(day);
                return Task.FromResult<IReadOnlyList<Bar>>(Day(day, 1000));
            },
            buffer,
            shared,
            new UsEquityCalendar(),
            new FakeTimeProvider(Monday));

        Assert.True(await loader.LoadAsync("ACME", CancellationToken.None));

        Assert.Equal([new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 24)], asked);
        Assert.True(buffer.HasBaseline("ACME"));
        Assert.Equal(1, loader.Loaded);
        VolumeProfile profile = shared.Get("ACME", new DateOnly(2026, 11, 30))!;
        Assert.Equal("bars", profile.Source);
        Assert.Equal(1080, profile.MeanAt(10 * 60), 9);               // 09:58-10:02 pooled: three minutes of 1000, two of 1200
    }

    [Fact]
    public async Task A_refused_or_empty_history_is_counted_and_leaves_no_baseline()
    {
        var buffer = new TickerStateBuffer();
        var calendar = new UsEquityCalendar();
        var clock = new FakeTimeProvider(Monday);
        var refused = new MinuteBaselineLoader(
            (s, _, _) => throw new SymbolException(s, 162, $"{s}: no historical data"), buffer, null, calendar, clock);
        var empty = new MinuteBaselineLoader((_, _, _) => Task.FromResult<IReadOnlyList<Bar>>([]), buffer, null, calendar, clock);

        Assert.False(await refused.LoadAsync("NOPE", CancellationToken.None));
        Assert.False(await empty.LoadAsync("VOID", CancellationToken.None));

        Assert.Equal((0, 1), (refused.Loaded, refused.Failed));
        Assert.Equal((0, 1), (empty.Loaded, empty.Failed));
        Assert.False(buffer.HasBaseline("NOPE"));
        Assert.False(buffer.HasBaseline("VOID"));
    }

    [Fact]
    public async Task Loading_many_reports_each_symbol_and_a_failure_never_stops_the_others()
    {
        var buffer = new TickerStateBuffer();
        var loader = new MinuteBaselineLoader(
            (s, day, _) => s == "BAD" ? throw new SymbolException(s, 162, $"{s}: no data") : Task.FromResult<IReadOnlyList<Bar>>(Day(day, 1000)),
            buffer, null, new UsEquityCalendar(), new FakeTimeProvider(Monday));
        var seen = new List<MinuteBaselineProgress>();
        loader.Progress += (_, p) =>
        {
            lock (seen)
            {
                seen.Add(p);
            }
        };

        await loader.LoadAllAsync(["AAA", "BAD", "CCC"], CancellationToken.None);

        Assert.Equal((2, 1, 3), (loader.Loaded, loader.Failed, loader.Requested));
        Assert.Equal(["AAA", "BAD", "CCC"], seen.Select(p => p.Symbol).Order());
        Assert.False(seen.Single(p => p.Symbol == "BAD").Loaded);
        Assert.Contains(seen, p => p.Done);                       // the last one done sees every symbol done
        Assert.True(buffer.HasBaseline("CCC"));
    }
}
