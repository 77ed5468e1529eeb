using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws.Errors;

namespace Gv2Edge.Radar.Quotes;

/// <summary>What a gap scan looks for.</summary>
/// <param name="Session"><see cref="MarketSession.Pre"/> (gap vs previous close) or <see cref="MarketSession.Post"/> (vs the RTH close).</param>
/// <param name="MinGapPct">Smallest |gap| kept, in percent. Default 3.</param>
/// <param name="MinVolume">Smallest extended-session volume kept. Default 10,000.</param>
/// <param name="Concurrency">Symbols in flight at once (historical requests are paced by the client too). Default 4.</param>
public sealed record GapScanOptions(MarketSession Session, double MinGapPct = 3, decimal MinVolume = 10_000, int Concurrency = 4);

/// <summary>Rows sorted by |gap| descending, the per-symbol failures, and the trading day scanned.</summary>
public sealed record GapScanResult(IReadOnlyList<GapRow> Rows, IReadOnlyList<SymbolError> Errors, DateOnly Day);

/// <summary>
/// Extended-hours gap scan over a symbol list. Each symbol costs one request for 1-minute bars of the scanned day
/// and the day before, so the figures are the same at any hour: in the pre-market they are live up to the last
/// minute, later they are that day's (or the last trading day's) pre-market.
/// </summary>
public static class GapScanner
{
    /// <summary>Scans <paramref name="symbols"/>; <paramref name="progress"/> gets the number of symbols done.</summary>
    public static async Task<GapScanResult> ScanAsync(MarketDataService service, IReadOnlyList<string> symbols, GapScanOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        if (options.Session is not (MarketSession.Pre or MarketSession.Post))
        {
            throw new ArgumentException("A gap scan looks at the pre-market (pre) or after hours (post).", nameof(options));
        }

        DateTimeOffset now = await service.NowAsync(cancellationToken).ConfigureAwait(false);
        DateOnly day = ScanDay(service.Sessions.Calendar, now, options.Session);
        var rows = new List<GapRow>();
        var errors = new List<SymbolError>();
        using var gate = new SemaphoreSlim(Math.Max(1, options.Concurrency));
        int done = 0;
        IEnumerable<Task> work = symbols.Distinct(StringComparer.OrdinalIgnoreCase).Select(async symbol =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                DayProfile p = await service.GetDayProfileAsync(symbol, day, cancellationToken).ConfigureAwait(false);
                if (RowOf(symbol.Trim().ToUpperInvariant(), p, options) is { } row)
                {
                    lock (rows)
                    {
                        rows.Add(row);
                    }
                }
            }
            catch (SymbolException ex)
            {
                lock (rows)
                {
                    errors.Add(new SymbolError(ex.Symbol.Trim().ToUpperInvariant(), ex.Code, ex.Message));
                }
            }
            finally
            {
                gate.Release();
                progress?.Report(Interlocked.Increment(ref done));
            }
        });
        await Task.WhenAll(work).ConfigureAwait(false);
        return new GapScanResult(
            [.. rows.OrderByDescending(r => Math.Abs(r.GapPct)).ThenBy(r => r.Symbol, StringComparer.Ordinal)],
            [.. errors.OrderBy(e => e.Symbol, StringComparer.Ordinal)],
            day);
    }

    /// <summary>
    /// The day a scan reads: for PRE, today once its pre-market has begun, else the last trading day; for POST, today
    /// once its regular session has closed, else the last trading day.
    /// </summary>
    public static DateOnly ScanDay(UsEquityCalendar calendar, DateTimeOffset now, MarketSession session)
    {
        DateOnly date = ExchangeTime.DateOf(now);
        TradingDay today = calendar.GetDay(date);
        DateTimeOffset? start = session == MarketSession.Pre ? today.PreOpen : today.RthClose;
        return today.IsTradingDay && start is { } s && now >= s ? date : calendar.PreviousTradingDay(date);
    }

    /// <summary>The gap row of one profile, or null when it has no trades in the session or misses a threshold.</summary>
    public static GapRow? RowOf(string symbol, DayProfile p, GapScanOptions options)
    {
        bool pre = options.Session == MarketSession.Pre;
        double? last = pre ? p.PreLast : p.PostLast;
        double? reference = pre ? p.PrevClose : p.RthClose;
        decimal? volume = pre ? p.PreVolume : p.PostVolume;
        if (last is not { } l || reference is not { } r || volume is not { } v || GapMath.PercentChange(l, r) is not { } gap)
        {
            return null;
        }

        return Math.Abs(gap) >= options.MinGapPct && v >= options.MinVolume
            ? new GapRow(symbol, options.Session.ToName(), l, r, (pre ? GapReference.PrevClose : GapReference.RthClose).ToName(), Math.Round(gap, 4), v)
            : null;
    }
}
