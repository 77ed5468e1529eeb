using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Radar.State;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;
using Bar = Gv2Edge.Market.Bar;

namespace Gv2Edge.Radar.Engines;

/// <summary>
/// Loads each symbol's own 1-minute bars of its last few sessions, once, and hands the same bars to
/// the ticker state buffer (its time-of-day <see cref="IntradayBaseline"/>, which also carries 1-minute return
/// variability) and to the shared <see cref="BaselineService"/> (the streaming detectors' volume profile), so the
/// history is requested once. One request per session: IB serves 1-minute bars for at most one day per request.
/// A symbol whose history cannot be had keeps no bar baseline (the buffer then uses its own older samples).
/// </summary>
public sealed class MinuteBaselineLoader
{
    private static readonly TimeSpan OneMinute = TimeSpan.FromMinutes(1);
    private readonly Func<string, DateOnly, CancellationToken, Task<IReadOnlyList<Bar>>> _fetch;
    private readonly TickerStateBuffer _buffer;
    private readonly BaselineService? _shared;
    private readonly UsEquityCalendar _calendar;
    private readonly TimeProvider _clock;
    private long _loaded;
    private long _failed;
    private long _requested;

    /// <summary>Creates a loader over <paramref name="fetch"/> (the 1-minute bars of one symbol and one past session).</summary>
    /// <param name="fetch">Bars of (symbol, session date).</param>
    /// <param name="buffer">Receives each symbol's <see cref="IntradayBaseline"/>.</param>
    /// <param name="shared">Receives the same bars as a volume profile (null: none).</param>
    /// <param name="calendar">Trading days, to find the previous sessions.</param>
    /// <param name="clock">Today's date comes from this clock.</param>
    /// <param name="sessions">Past sessions to load; default 3 (90 bars per 30-minute bucket).</param>
    public MinuteBaselineLoader(
        Func<string, DateOnly, CancellationToken, Task<IReadOnlyList<Bar>>> fetch,
        TickerStateBuffer buffer,
        BaselineService? shared,
        UsEquityCalendar calendar,
        TimeProvider clock,
        int sessions = 3)
    {
        _fetch = fetch ?? throw new ArgumentNullException(nameof(fetch));
        _buffer = buffer ?? throw new ArgumentNullException(nameof(buffer));
        _calendar = calendar ?? throw new ArgumentNullException(nameof(calendar));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _shared = shared;
        if (sessions is < 1 or > 20)
        {
            throw new ArgumentOutOfRangeException(nameof(sessions), sessions, "Load between 1 and 20 past sessions.");
        }

        Sessions = sessions;
    }

    /// <summary>Past sessions loaded per symbol.</summary>
    public int Sessions { get; }

    /// <summary>
    /// How long one session's request may take on the loader's clock, pacing waits included, before the symbol counts as
    /// failed (IB sometimes never answers a historical request). Default 2 minutes.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Symbols whose baseline was set.</summary>
    public long Loaded => Interlocked.Read(ref _loaded);

    /// <summary>Symbols whose history could not be had.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Symbols handed to <see cref="LoadAllAsync"/> so far (the progress total).</summary>
    public long Requested => Interlocked.Read(ref _requested);

    /// <summary>Raised after each symbol of <see cref="LoadAllAsync"/>, on the loading task (keep handlers short).</summary>
    public event EventHandler<MinuteBaselineProgress>? Progress;

    /// <summary>
    /// A loader reading bars straight through the client with <paramref name="resolver"/>'s contracts (the resolver the
    /// streaming lines use, so no contract is looked up twice): "1 D" of "1 min" TRADES bars per session, extended hours
    /// included, through the client's historical pacing.
    /// </summary>
    public static MinuteBaselineLoader ForClient(TwsClient client, ContractResolver resolver, TickerStateBuffer buffer, BaselineService? shared,
        UsEquityCalendar calendar, TimeProvider clock, int sessions = 3)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(calendar);
        return new MinuteBaselineLoader(
            async (symbol, day, ct) =>
            {
                DateTimeOffset close = calendar.GetDay(day).RthClose ?? throw new ArgumentException($"{day} is not a trading day.");
                Contract contract = ContractResolver.ForMarketData(await resolver.ResolveAsync(symbol, ct).ConfigureAwait(false));
                HistoricalData data = await client.GetHistoricalBarsAsync(contract, BarTime.ToRequestEnd(close), "1 D", "1 min", "TRADES", useRth: false, ct)
                    .ConfigureAwait(false);
                var bars = new List<Bar>(data.Bars.Count);
                foreach (Tws.Protocol.Messages.Bar b in data.Bars)
                {
                    if (b.Volume is { } volume)
                    {
                        bars.Add(new Bar(BarTime.Parse(b.Date, out _), b.Open, b.High, b.Low, b.Close, volume));
                    }
                }

                return bars;
            },
            buffer,
            shared,
            calendar,
            clock,
            sessions);
    }

    /// <summary>
    /// A loader reading bars through the market data service: "1 D" of "1 min" TRADES bars per session, extended hours
    /// included so pre-market and after-hours buckets have their own figures.
    /// </summary>
    public static MinuteBaselineLoader ForMarketData(MarketDataService data, TickerStateBuffer buffer, BaselineService? shared, TimeProvider clock, int sessions = 3)
    {
        ArgumentNullException.ThrowIfNull(data);
        UsEquityCalendar calendar = data.Sessions.Calendar;
        return new MinuteBaselineLoader(
            async (symbol, day, ct) =>
            {
                DateTimeOffset close = calendar.GetDay(day).RthClose ?? throw new ArgumentException($"{day} is not a trading day.");
                IReadOnlyList<BarRow> rows = await data.GetBarsAsync(symbol, "1 D", "1 min", rthOnly: false, end: close, cancellationToken: ct).ConfigureAwait(false);
                return [.. rows.Where(r => r.Volume is not null).Select(r => new Bar(r.Time, r.Open, r.High, r.Low, r.Close, r.Volume!.Value))];
            },
            buffer,
            shared,
            calendar,
            clock,
            sessions);
    }

    /// <summary>Loads one symbol; false (and counted) when no usable bar came back or the gateway refused.</summary>
    public async Task<bool> LoadAsync(string symbol, CancellationToken cancellationToken)
    {
        DateOnly today = ExchangeTime.DateOf(_clock.GetUtcNow());
        var bars = new List<Bar>();
        DateOnly day = today;
        try
        {
            for (int i = 0; i < Sessions; i++)
            {
                day = _calendar.PreviousTradingDay(day);
                bars.AddRange(await FetchWithTimeoutAsync(symbol, day, cancellationToken).ConfigureAwait(false));
            }

            if (bars.Count < 2)
            {
                Interlocked.Increment(ref _failed);
                return false;
            }

            IntradayBaseline baseline = IntradayBaseline.FromMinuteBars(bars.Select(b => HistoryBar.From(b, OneMinute)));
            _buffer.SetBaseline(symbol, baseline);
            _shared?.FromBars(symbol, today, bars);
            Interlocked.Increment(ref _loaded);
            return true;
        }
        catch (Exception ex) when (ex is SymbolException or TwsException or TimeoutException or ArgumentException or FormatException)
        {
            Interlocked.Increment(ref _failed);
            return false;
        }
    }

    private async Task<IReadOnlyList<Bar>> FetchWithTimeoutAsync(string symbol, DateOnly day, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(RequestTimeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await _fetch(symbol, day, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{symbol}: no 1-minute bars for {day} within {RequestTimeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>
    /// Loads every symbol, a few at a time and in the given order (the client paces the requests), raising
    /// <see cref="Progress"/> after each. A symbol that fails is counted and skipped; the others go on.
    /// </summary>
    public Task LoadAllAsync(IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        string[] list = [.. symbols];
        Interlocked.Add(ref _requested, list.Length);
        return Parallel.ForEachAsync(
            list,
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (symbol, ct) =>
            {
                bool ok = await LoadAsync(symbol, ct).ConfigureAwait(false);
                Progress?.Invoke(this, new MinuteBaselineProgress(symbol, ok, Loaded, Failed, Requested));
            });
    }
}

/// <summary>One symbol of a <see cref="MinuteBaselineLoader.LoadAllAsync"/> done.</summary>
/// <param name="Symbol">The symbol just done.</param>
/// <param name="Loaded">True when its bar baseline was set.</param>
/// <param name="LoadedCount">Symbols loaded so far.</param>
/// <param name="FailedCount">Symbols failed so far.</param>
/// <param name="Total">Symbols requested so far.</param>
public sealed record MinuteBaselineProgress(string Symbol, bool Loaded, long LoadedCount, long FailedCount, long Total)
{
    /// <summary>True once every requested symbol is done.</summary>
    public bool Done => LoadedCount + FailedCount >= Total;
}
