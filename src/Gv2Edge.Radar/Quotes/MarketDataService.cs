using Gv2Edge.Market;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Quotes;

/// <summary>
/// Quotes, bars and extended-hours figures through one connected <see cref="TwsClient"/>. A quote is the streaming
/// ticker when the symbol is subscribed, else a snapshot (cached 5 s by default); contracts are qualified once per
/// session. "Now" is the gateway's clock (one reqCurrentTime, then the local clock plus that offset), so sessions
/// are decided in the market's time, also against a simulator running another day.
/// </summary>
public sealed partial class MarketDataService
{
    private readonly TwsClient _client;
    private readonly UsEquitySessions _sessions;
    private readonly TimeProvider _clock;
    private readonly TtlCache<string, TickerSnapshot> _quotes;
    private readonly SemaphoreSlim _snapshotLines;
    private TimeSpan? _gatewayOffset;

    /// <param name="client">A connected client.</param>
    /// <param name="sessions">The US equity sessions.</param>
    /// <param name="clock">Local clock. Default system.</param>
    /// <param name="quoteTtl">How long a snapshot quote is reused. Default 5 s.</param>
    public MarketDataService(TwsClient client, UsEquitySessions sessions, TimeProvider? clock = null, TimeSpan? quoteTtl = null)
    {
        _client = client;
        _sessions = sessions;
        _clock = clock ?? TimeProvider.System;
        _quotes = new TtlCache<string, TickerSnapshot>(quoteTtl ?? TimeSpan.FromSeconds(5), _clock, StringComparer.OrdinalIgnoreCase);
        Contracts = new ContractResolver(client.GetContractDetailsAsync, sessions, _clock);
        // Snapshots run side by side only as far as the reserved on-demand lines allow.
        _snapshotLines = new SemaphoreSlim(Math.Max(1, client.Options.ReservedLines));
    }

    /// <summary>Contract qualification (cached per session).</summary>
    public ContractResolver Contracts { get; }

    /// <summary>The sessions calendar in use.</summary>
    public UsEquitySessions Sessions => _sessions;

    /// <summary>Snapshot-quote cache hits and misses.</summary>
    public (long Hits, long Misses) QuoteCacheStats => (_quotes.Hits, _quotes.Misses);

    /// <summary>The market's "now": the gateway clock (asked once), in exchange time.</summary>
    public async Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken = default)
    {
        if (_gatewayOffset is null)
        {
            DateTimeOffset local = _clock.GetUtcNow();
            try
            {
                DateTimeOffset gateway = await _client.GetCurrentTimeAsync(cancellationToken).ConfigureAwait(false);
                TimeSpan offset = gateway - local;
                // The gateway's clock has whole seconds: ignore an offset that is only its rounding.
                _gatewayOffset = offset.Duration() < TimeSpan.FromSeconds(2) ? TimeSpan.Zero : offset;
            }
            catch (TwsException)
            {
                _gatewayOffset = TimeSpan.Zero;
            }
        }

        return ExchangeTime.ToExchange(_clock.GetUtcNow() + _gatewayOffset.Value);
    }

    /// <summary>A level-1 quote of <paramref name="symbol"/>; per-symbol failures throw <see cref="SymbolException"/>.</summary>
    public async Task<Quote> GetQuoteAsync(string symbol, CancellationToken cancellationToken = default)
    {
        (Quote quote, _) = await GetQuoteCoreAsync(symbol, extended: false, cancellationToken).ConfigureAwait(false);
        return quote;
    }

    /// <summary>A quote with its extended-hours detail (pre-market high/low/volume, extended-session volume, gap reference).</summary>
    public Task<(Quote Quote, ExtendedHours? Extended)> GetExtendedQuoteAsync(string symbol, CancellationToken cancellationToken = default)
        => GetQuoteCoreAsync(symbol, extended: true, cancellationToken);

    private async Task<(Quote, ExtendedHours?)> GetQuoteCoreAsync(string symbol, bool extended, CancellationToken cancellationToken)
    {
        string s = ContractResolver.Normalize(symbol);
        ContractDetails details = await Qualify(s, cancellationToken).ConfigureAwait(false);
        TickerSnapshot t = await TickerFor(s, details, cancellationToken).ConfigureAwait(false);
        DateTimeOffset now = await NowAsync(cancellationToken).ConfigureAwait(false);
        SessionInfo info = _sessions.GetSession(now);
        MarketSession session = info.Session;
        DayProfile? profile = null;
        if (extended || session == MarketSession.Post)
        {
            profile = await DayProfileAsync(s, details, TradingDayOf(now), now, cancellationToken).ConfigureAwait(false);
        }

        double last = Price(t.Last) ?? double.NaN;
        double prevClose = Price(t.PreviousClose) ?? profile?.PrevClose ?? double.NaN;
        double rthClose = profile?.RthClose ?? double.NaN;
        var quote = new Quote(
            s, now, session.ToName(), Price(t.Last), Price(t.Bid), Price(t.Ask),
            Price(t.Bid) is null ? null : t.BidSize, Price(t.Ask) is null ? null : t.AskSize,
            Round(GapMath.Spread(t.Bid, t.Ask)), Round(GapMath.SpreadPct(t.Bid, t.Ask), 4),
            t.Volume, Price(t.Vwap), Price(t.Open), Price(t.High), Price(t.Low), Price(prevClose),
            Round(GapMath.PercentChange(last, prevClose), 4), Round(GapMath.Gap(session, last, prevClose, rthClose), 4),
            TypeName(t.MarketDataType is MarketDataType.Unknown ? _client.Options.MarketDataType : t.MarketDataType),
            t.Halted switch { double h when !double.IsFinite(h) || h < 0 => null, 0 => false, _ => true });
        if (!extended || profile is null)
        {
            return (quote, null);
        }

        GapReference kind = GapMath.ReferenceFor(session);
        decimal? extendedVolume = session switch
        {
            MarketSession.Pre => profile.PreVolume,
            MarketSession.Post => profile.PostVolume,
            _ => null,
        };
        return (quote, new ExtendedHours(kind == GapReference.RthClose ? profile.RthClose : Price(prevClose), kind.ToName(),
            extendedVolume, profile.PreHigh, profile.PreLow, profile.PreVolume));
    }

    /// <summary>The trading day whose sessions "now" belongs to: today from 04:00 ET on a trading day, else the last one.</summary>
    public DateOnly TradingDayOf(DateTimeOffset now)
    {
        DateOnly date = ExchangeTime.DateOf(now);
        TradingDay day = _sessions.Calendar.GetDay(date);
        return day.IsTradingDay && day.PreOpen is { } pre && now >= pre ? date : _sessions.Calendar.PreviousTradingDay(date);
    }

    private async Task<ContractDetails> Qualify(string symbol, CancellationToken cancellationToken)
    {
        try
        {
            return await Contracts.ResolveAsync(symbol, cancellationToken).ConfigureAwait(false);
        }
        catch (TwsException ex) when (IsPerSymbol(ex))
        {
            throw ToSymbolError(symbol, ex);
        }
    }

    private async Task<TickerSnapshot> TickerFor(string symbol, ContractDetails details, CancellationToken cancellationToken)
    {
        MarketDataSubscription? live = _client.Subscriptions.FirstOrDefault(x => x.IsActive
            && (x.Contract.ConId == details.Contract.ConId || (x.Contract.ConId == 0 && string.Equals(x.Contract.Symbol, details.Contract.Symbol, StringComparison.OrdinalIgnoreCase)))
            && x.Contract.SecType == "STK");
        if (live is not null && live.Ticker.Snapshot() is { UpdateCount: > 0 } streaming)
        {
            return streaming;
        }

        return await _quotes.GetOrLoadAsync(symbol, async (_, _) =>
        {
            await _snapshotLines.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await _client.GetSnapshotQuoteAsync(ContractResolver.ForMarketData(details), cancellationToken).ConfigureAwait(false);
            }
            catch (TwsException ex) when (IsPerSymbol(ex))
            {
                throw ToSymbolError(symbol, ex);
            }
            finally
            {
                _snapshotLines.Release();
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A positive finite price, or null (IB sends -1 and NaN for "none").</summary>
    internal static double? Price(double v) => double.IsFinite(v) && v > 0 ? Math.Round(v, 6) : null;

    /// <summary>Rounds for output (prices to 6 decimals, percentages to 4) so float noise never shows.</summary>
    internal static double? Round(double? v, int digits = 6) => v is { } d && double.IsFinite(d) ? Math.Round(d, digits) : null;

    /// <summary>The contract's word for a market data type.</summary>
    public static string TypeName(MarketDataType type) => type switch
    {
        MarketDataType.Frozen => "frozen",
        MarketDataType.Delayed => "delayed",
        MarketDataType.DelayedFrozen => "delayed-frozen",
        _ => "live",
    };

    /// <summary>True when the error concerns the request (unknown symbol, no permission…), not the connection.</summary>
    internal static bool IsPerSymbol(TwsException ex)
        => ex.Code is not (TwsErrorCodes.ConnectionLost or TwsErrorCodes.NotConnected or TwsErrorCodes.ClientDisposed
            or TwsErrorCodes.CouldNotConnect or TwsErrorCodes.ClientIdInUse);

    internal static SymbolException ToSymbolError(string symbol, TwsException ex)
        => new(symbol, ex.Code, $"{symbol}: {ex.IbMessage} — {ex.Hint}");
}
