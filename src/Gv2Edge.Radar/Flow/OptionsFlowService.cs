using Gv2Edge.Market;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Flow;

/// <summary>
/// Options flow over a connected <see cref="TwsClient"/> (the original's <c>get_options_flow_score</c>, fixed). Per
/// symbol: one on-demand level-1 line on the stock with generic ticks 100, 101, 104, 105 and 106 (call/put volume and
/// open interest, historical and implied volatility, average option volume), closed once read; then, for flagged
/// symbols, a drill-down inside the line budget: the chain (reqSecDefOptParams, cached until the next 04:00 ET), the
/// nearest expirations, strikes around the spot price, one short line per contract for its level 1, open interest and
/// IB's model greeks (our Black–Scholes ones where IB sends none). Missing data gives a status and notes, never NaN or
/// an exception; an unknown symbol throws <see cref="SymbolException"/>. Thread-safe; scans may run side by side and
/// share the service's lines.
/// </summary>
public sealed class OptionsFlowService
{
    /// <summary>The generic ticks requested on the underlying.</summary>
    public const string UnderlyingTicks = "100,101,104,105,106";

    /// <summary>The generic tick requested on each option (101: its open interest).</summary>
    public const string ContractTicks = "101";

    private static readonly int[] PermissionCodes =
    [
        TwsErrorCodes.NotSubscribed, TwsErrorCodes.DelayedAvailable, TwsErrorCodes.DelayedNotEnabled, TwsErrorCodes.DelayedNotEnabled2,
    ];

    private readonly TwsClient _client;
    private readonly MarketDataService _market;
    private readonly TimeProvider _clock;
    private readonly OptionsFlowScorer _scorer;
    private readonly FlowLines _lines;
    private readonly TtlCache<int, IReadOnlyList<SecurityDefinitionOptionParameter>> _chains;

    /// <param name="client">A connected client.</param>
    /// <param name="market">Contract qualification and the market's clock.</param>
    /// <param name="options">Collection settings. Default <see cref="OptionsFlowServiceOptions"/>.</param>
    /// <param name="clock">Local clock for waits and caches. Default system.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public OptionsFlowService(TwsClient client, MarketDataService market, OptionsFlowServiceOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(market);
        Options = options ?? new OptionsFlowServiceOptions();
        Options.Validate();
        _client = client;
        _market = market;
        _clock = clock ?? TimeProvider.System;
        _scorer = new OptionsFlowScorer(Options.Signals);
        _lines = new FlowLines(client, Options.MaxLines ?? Math.Max(1, client.Options.ReservedLines), _clock);
        _chains = new TtlCache<int, IReadOnlyList<SecurityDefinitionOptionParameter>>((_, _, now) => NextFourAm(now), _clock);
    }

    /// <summary>Settings in use.</summary>
    public OptionsFlowServiceOptions Options { get; }

    /// <summary>Most market-data lines this service held at once (never above <see cref="LineCapacity"/>).</summary>
    public int PeakLines => _lines.Peak;

    /// <summary>Lines this service may hold at once.</summary>
    public int LineCapacity => _lines.Capacity;

    /// <summary>Lines opened so far (underlyings and contracts).</summary>
    public long LinesOpened => _lines.Opened;

    /// <summary>
    /// Options flow of one symbol (the app's immediate-scan hook). Throws <see cref="SymbolException"/> for an unknown,
    /// ambiguous or OTC symbol and <see cref="TwsException"/> when the connection is lost; everything else (no options,
    /// 354, greeks never sent, time limit) is in the result's <see cref="OptionsFlowResult.Status"/> and notes.
    /// </summary>
    public async Task<OptionsFlowResult> ScanAsync(string symbol, CancellationToken cancellationToken = default)
    {
        string s = ContractResolver.Normalize(symbol);
        DateTimeOffset deadline = _clock.GetUtcNow() + Options.SymbolTimeout;
        ContractDetails details = await QualifyAsync(s, deadline, cancellationToken).ConfigureAwait(false);
        Task<IReadOnlyList<SecurityDefinitionOptionParameter>?> chainTask = ChainAsync(s, details.Contract.ConId, cancellationToken);
        Collected u = await _lines.CollectAsync(ContractResolver.ForMarketData(details), UnderlyingTicks,
            t => UnderlyingComplete(t) || (KnownEmpty(chainTask) && t.UpdateCount > 0), Options.UnderlyingWait, deadline, cancellationToken, chainTask)
            .ConfigureAwait(false);
        var notes = new List<string>();
        string? status = null;
        bool degraded = false;
        if (u.Error is { } error)
        {
            if (!PermissionCodes.Contains(error.Code))
            {
                throw MarketDataService.IsPerSymbol(error) ? MarketDataService.ToSymbolError(s, error) : error;
            }

            notes.Add($"the stock's level 1 was refused with error {error.Code} ({error.IbMessage}): no market-data permission for {s}; the options ticks need it and OPRA");
            status = "no-permission";
        }
        else if (!u.Opened)
        {
            notes.Add($"no market-data line became free within the {Options.SymbolTimeout.TotalSeconds:0} s limit");
            degraded = true;
        }

        IReadOnlyList<SecurityDefinitionOptionParameter>? chain = await WithinAsync(chainTask, deadline).ConfigureAwait(false);
        SecurityDefinitionOptionParameter? row = chain is null ? null : DrillDownPlan.ChainRow(s, chain);
        TickerSnapshot t = u.Snapshot;
        var input = new OptionsFlowInput
        {
            Symbol = s,
            OptionsListed = chain is null ? null : row is not null,
            CallVolume = Number(t.OptionCallVolume),
            PutVolume = Number(t.OptionPutVolume),
            CallOpenInterest = Number(t.OptionCallOpenInterest),
            PutOpenInterest = Number(t.OptionPutOpenInterest),
            AvgOptionVolume = Number(t.AverageOptionVolume),
            ImpliedVol = Fraction(t.ImpliedVolatility),
            HistoricalVol = Fraction(t.HistoricalVolatility),
            DataQuality = MarketDataService.TypeName(t.MarketDataType is MarketDataType.Unknown ? _client.Options.MarketDataType : t.MarketDataType),
        };
        if (chain is null && u.Opened)
        {
            notes.Add("the option chain (reqSecDefOptParams) did not arrive: no drill-down");
            degraded = true;
        }

        OptionsFlowResult first = _scorer.Score(input);
        bool drill = row is not null && status is null && Options.DrillDown switch
        {
            FlowDrillDown.Always => true,
            FlowDrillDown.Flagged => first.Signals.Count > 0,
            _ => false,
        };
        if (drill)
        {
            if (Spot(t) is not { } spot)
            {
                notes.Add("no underlying price arrived: no drill-down");
                degraded = true;
            }
            else
            {
                DateTimeOffset now = await _market.NowAsync(cancellationToken).ConfigureAwait(false);
                IReadOnlyList<Contract> contracts = DrillDownPlan.Contracts(s, row, spot, now, Options);
                (IReadOnlyList<OptionContractRow> rows, DrillDownReport report) = await DrillAsync(contracts, spot, now, deadline, cancellationToken).ConfigureAwait(false);
                input = input with { Contracts = rows };
                degraded |= report.AddNotes(notes, Options);
                status ??= report.Refused > 0 ? "no-permission" : null;
            }
        }

        OptionsFlowResult result = _scorer.Score(input);
        return result with
        {
            Status = status ?? (degraded && result.Status == "ok" ? "partial" : result.Status),
            Notes = [.. result.Notes, .. notes],
        };
    }

    /// <summary>
    /// Scans several symbols, <see cref="OptionsFlowServiceOptions.Parallelism"/> at a time (sharing the service's
    /// lines), in the order given (duplicates once). Per-symbol failures become entries with an error.
    /// </summary>
    public async Task<IReadOnlyList<FlowScanEntry>> ScanManyAsync(IEnumerable<string> symbols, IProgress<int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        List<string> list = [.. symbols.Select(x => (x ?? string.Empty).Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        using var gate = new SemaphoreSlim(Options.Parallelism);
        int done = 0;
        FlowScanEntry[] entries = await Task.WhenAll(list.Select(async symbol =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return new FlowScanEntry(symbol.ToUpperInvariant(), await ScanAsync(symbol, cancellationToken).ConfigureAwait(false), null);
            }
            catch (SymbolException ex)
            {
                return new FlowScanEntry(symbol.ToUpperInvariant(), null, new SymbolError(ex.Symbol.Trim().ToUpperInvariant(), ex.Code, ex.Message));
            }
            finally
            {
                gate.Release();
                progress?.Report(Interlocked.Increment(ref done));
            }
        })).ConfigureAwait(false);
        return entries;
    }

    private async Task<(IReadOnlyList<OptionContractRow>, DrillDownReport)> DrillAsync(IReadOnlyList<Contract> contracts, double spot,
        DateTimeOffset now, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var report = new DrillDownReport { Requested = contracts.Count };
        int greeksMissing = 0;
        OptionContractRow?[] rows = await Task.WhenAll(contracts.Select(async c =>
        {
            bool call = c.Right == "C";
            Collected r = await _lines.CollectAsync(c, ContractTicks,
                t => t.Volume is not null && (call ? t.OptionCallOpenInterest : t.OptionPutOpenInterest) is not null
                    && (ContractRowBuilder.HasIbGreeks(t) || Volatile.Read(ref greeksMissing) == 1),
                Options.ContractWait, deadline, cancellationToken).ConfigureAwait(false);
            if (r.Error is { } e)
            {
                report.Error(e.Code == TwsErrorCodes.NoSecurityDefinition, PermissionCodes.Contains(e.Code));
                return null;
            }

            if (!r.Opened || r.Snapshot.UpdateCount == 0)
            {
                report.NotRead();
                return null;
            }

            if (!ContractRowBuilder.HasIbGreeks(r.Snapshot))
            {
                // IB sends tick 13 with the first quotes when it sends it at all: stop waiting for it on this symbol.
                Volatile.Write(ref greeksMissing, 1);
            }

            OptionContractRow row = ContractRowBuilder.Build(c, r.Snapshot, spot, now, Options.RiskFreeRate, Options.DividendYield);
            report.Read(row.GreeksSource);
            return row;
        })).ConfigureAwait(false);
        return ([.. rows.OfType<OptionContractRow>()], report);
    }

    private async Task<ContractDetails> QualifyAsync(string symbol, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        TimeSpan left = deadline - _clock.GetUtcNow();
        try
        {
            return await _market.Contracts.ResolveAsync(symbol, cancellationToken)
                .WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (TwsException ex) when (MarketDataService.IsPerSymbol(ex))
        {
            throw MarketDataService.ToSymbolError(symbol, ex);
        }
        catch (TimeoutException)
        {
            throw new SymbolException(symbol, SymbolErrorCodes.NoData,
                $"{symbol}: IB did not describe the contract within the {Options.SymbolTimeout.TotalSeconds:0.#} s limit (a slow or overloaded gateway); try again.");
        }
    }

    /// <summary>The chain, cached until the next 04:00 ET; null when it could not be read.</summary>
    private async Task<IReadOnlyList<SecurityDefinitionOptionParameter>?> ChainAsync(string symbol, int conId, CancellationToken cancellationToken)
    {
        try
        {
            return await _chains.GetOrLoadAsync(conId, (id, ct) => _client.GetOptionChainParametersAsync(symbol, "STK", id, "", ct), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (TwsException)
        {
            return null;
        }
    }

    private async Task<T?> WithinAsync<T>(Task<T?> task, DateTimeOffset deadline)
        where T : class
    {
        TimeSpan left = deadline - _clock.GetUtcNow();
        try
        {
            return await task.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, _clock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static bool UnderlyingComplete(TickerSnapshot t)
        => t.OptionCallVolume is not null && t.OptionPutVolume is not null && t.OptionCallOpenInterest is not null
            && t.OptionPutOpenInterest is not null && t.AverageOptionVolume is not null && Fraction(t.ImpliedVolatility) is not null
            && Spot(t) is not null;

    private static bool KnownEmpty(Task<IReadOnlyList<SecurityDefinitionOptionParameter>?> chain)
        => chain.IsCompletedSuccessfully && chain.Result is { } c && DrillDownPlan.ChainRow("", c) is null;

    /// <summary>The underlying's price: the mid of a two-sided quote, else the last trade, else the previous close.</summary>
    internal static double? Spot(TickerSnapshot t)
        => ContractRowBuilder.Price(t) ?? (t.PreviousClose > 0 && double.IsFinite(t.PreviousClose) ? t.PreviousClose : null);

    private static double? Number(decimal? v) => v is { } d && d >= 0 ? (double)d : null;

    private static double? Fraction(double v) => double.IsFinite(v) && v >= 0 ? v : null;

    private static DateTimeOffset NextFourAm(DateTimeOffset now)
    {
        DateOnly date = ExchangeTime.DateOf(now);
        DateTimeOffset today = ExchangeTime.At(date, new TimeOnly(4, 0));
        return now < today ? today : ExchangeTime.At(date.AddDays(1), new TimeOnly(4, 0));
    }
}

/// <summary>One symbol of a multi-symbol scan: its result, or the error that stopped it.</summary>
public sealed record FlowScanEntry(string Symbol, OptionsFlowResult? Result, SymbolError? Error);
