using System.Collections.Concurrent;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Scan;

public sealed partial class RadarScanService
{
    /// <summary>Bar size of the baseline request: half hours are the finest IB serves for a month in one request.</summary>
    internal const string HistoryBarSize = "30 mins";

    /// <summary>One month: 20 sessions before today plus today.</summary>
    internal const string HistoryDuration = "1 M";

    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    /// <summary>One symbol: contract (cache, scanner row or lookup), quote, filter, baseline (cache or bars), score.</summary>
    private async Task<RadarRow?> ScanSymbolAsync(RadarTarget target, ScanContext scan, ConcurrentDictionary<string, SymbolError> errors,
        CancellationToken cancellationToken)
    {
        string symbol = target.Symbol;
        CachedSymbol? cached = scan.Cache.Get(symbol);
        if (cached is { UnknownCode: { } code })
        {
            throw new SymbolException(symbol, code, cached.UnknownMessage ?? $"{symbol}: unknown to IB.");
        }

        Contract contract = cached is not null ? FromCache(symbol, cached)
            : target.Contract is { ConId: > 0 } given ? Remember(scan, symbol, given)
            : await LookUpAsync(symbol, scan, cancellationToken).ConfigureAwait(false);
        // IB's average volume (generic tick 21) rides on the quote at no message cost; it is only needed when the bars may fail.
        bool baselineCached = scan.Cache.Get(symbol)?.Baseline is not null;
        TickerSnapshot quote = await scan.Quotes!.GetAsync(symbol, contract, !baselineCached, Options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        double? last = MarketDataService.Price(quote.Last);
        double? volume = quote.Volume is { } v ? (double)v : null;
        if (target.Filtered && (!Options.Anomaly.PassesPriceFilter(last ?? MarketDataService.Price(quote.PreviousClose))
            || (Options.MinVolume > 0 && !(volume >= Options.MinVolume))))
        {
            Interlocked.Increment(ref scan.FilteredOut);
            return null;
        }

        SymbolBaseline? baseline = scan.Cache.Get(symbol)?.Baseline;
        VolumeBaseline? volumeBaseline = null;
        if (baseline is null)
        {
            try
            {
                baseline = await FetchBaselineAsync(symbol, contract, scan, cancellationToken).ConfigureAwait(false);
                CachedSymbol entry = scan.Cache.Get(symbol) ?? new CachedSymbol(contract.ConId, contract.PrimaryExchange, null);
                scan.Cache.Set(symbol, entry with { Baseline = baseline });
            }
            catch (SymbolException ex)
            {
                // Scored on what the quote says: the gap, and the volume against IB's average volume when it came with the
                // quote. The missing bars are reported either way (the ATR stays unknown). Not cached: the next scan asks again.
                double? adv = QuoteLines.AverageVolume(quote);
                volumeBaseline = adv is { } a ? VolumeBaseline.FromIbAverageVolume(a, scan.VolumeAt, Options.IncludeExtendedHours) : null;
                string fallback = volumeBaseline is not null ? "; volume compared with IB's average volume instead, ATR unknown"
                    : adv is null ? "; IB sent no average volume either: volume and range baselines unknown"
                    : "; ATR unknown";
                if (volumeBaseline is not null)
                {
                    Interlocked.Increment(ref scan.AverageVolumeBaselines);
                }

                errors.TryAdd(symbol, new SymbolError(symbol, ex.Code, ex.Message.TrimEnd('.') + fallback + "."));
            }
        }
        else
        {
            Interlocked.Increment(ref scan.CacheHits);
        }

        if (baseline?.AverageVolumeTo(scan.VolumeAt, Options.IncludeExtendedHours) is { } fromBars)
        {
            volumeBaseline = VolumeBaseline.FromBars(fromBars, baseline.Sessions);
        }

        return _scorer.Evaluate(new AnomalyInput
        {
            Symbol = symbol,
            Last = last,
            PrevClose = MarketDataService.Price(quote.PreviousClose),
            Volume = volume,
            AvgVolumeToTime = volumeBaseline?.AverageToTime,
            VolumeBaseline = volumeBaseline?.Source ?? VolumeBaselineSource.None,
            VolumeBaselineNote = volumeBaseline?.Note,
            DayHigh = MarketDataService.Price(quote.High),
            DayLow = MarketDataService.Price(quote.Low),
            Atr = baseline?.Atr,
            Session = scan.Session,
            DataQuality = MarketDataService.TypeName(quote.MarketDataType is MarketDataType.Unknown ? _client.Options.MarketDataType : quote.MarketDataType),
        });
    }

    private async Task<Contract> LookUpAsync(string symbol, ScanContext scan, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Options.RequestTimeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            Interlocked.Increment(ref scan.ContractLookups);
            ContractDetails details = await _market.Contracts.ResolveAsync(symbol, timeout.Token).ConfigureAwait(false);
            return Remember(scan, symbol, ContractResolver.ForMarketData(details));
        }
        catch (SymbolException ex)
        {
            throw RememberUnknown(scan, symbol, ex);
        }
        catch (TwsException ex) when (MarketDataService.IsPerSymbol(ex))
        {
            throw RememberUnknown(scan, symbol, MarketDataService.ToSymbolError(symbol, ex));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SymbolException(symbol, SymbolErrorCodes.NoData, $"{symbol}: IB did not answer the contract lookup within {Options.RequestTimeout.TotalSeconds:0} s.");
        }
    }

    private async Task<SymbolBaseline> FetchBaselineAsync(string symbol, Contract contract, ScanContext scan, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(Options.RequestTimeout, _clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        HistoricalData data;
        try
        {
            Interlocked.Increment(ref scan.HistoricalRequests);
            data = await _client.GetHistoricalBarsAsync(contract, string.Empty, HistoryDuration, HistoryBarSize, "TRADES", useRth: false, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (TwsException ex) when (MarketDataService.IsPerSymbol(ex))
        {
            throw MarketDataService.ToSymbolError(symbol, ex);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SymbolException(symbol, SymbolErrorCodes.NoData, $"{symbol}: no historical bars within {Options.RequestTimeout.TotalSeconds:0} s (IB's pacing refusals are retried until then).");
        }

        var bars = new List<HistoryBar>(data.Bars.Count);
        foreach (Bar b in data.Bars)
        {
            try
            {
                bars.Add(new HistoryBar(BarTime.Parse(b.Date, out _), HalfHour, b.Open, b.High, b.Low, b.Close, (double)(b.Volume ?? 0m)));
            }
            catch (FormatException ex)
            {
                throw new SymbolException(symbol, SymbolErrorCodes.NoData, $"{symbol}: the gateway sent a bar time this tool cannot read: {ex.Message}");
            }
        }

        SymbolBaseline baseline = SymbolBaseline.FromHalfHourBars(bars, scan.Cache.TradingDay, _market.Sessions.Calendar, Options.BaselineSessions, Options.AtrPeriod);
        return baseline.Sessions > 0
            ? baseline
            : throw new SymbolException(symbol, SymbolErrorCodes.NoData, $"{symbol}: IB has no bars for the sessions before {scan.Cache.TradingDay:yyyy-MM-dd}.");
    }

    /// <summary>IB's "unknown", "ambiguous" or "not covered" will not change today: remember it so a re-scan does not ask again.</summary>
    private static SymbolException RememberUnknown(ScanContext scan, string symbol, SymbolException ex)
    {
        if (ex.Code is SymbolErrorCodes.Unknown or SymbolErrorCodes.NotCovered or SymbolErrorCodes.Ambiguous)
        {
            scan.Cache.Set(symbol, new CachedSymbol(0, string.Empty, null, ex.Code, ex.Message));
        }

        return ex;
    }

    private static Contract Remember(ScanContext scan, string symbol, Contract contract)
    {
        scan.Cache.Set(symbol, new CachedSymbol(contract.ConId, contract.PrimaryExchange, null));
        return contract;
    }

    private static Contract FromCache(string symbol, CachedSymbol c) => new()
    {
        ConId = c.ConId,
        Symbol = symbol.Replace('.', ' '),
        SecType = "STK",
        Exchange = "SMART",
        PrimaryExchange = c.PrimaryExchange,
        Currency = "USD",
    };

    /// <summary>What one scan shares between its symbols.</summary>
    private sealed class ScanContext(BaselineDiskCache cache, DateTimeOffset volumeAt, string session)
    {
        public BaselineDiskCache Cache { get; } = cache;

        public DateTimeOffset VolumeAt { get; } = volumeAt;

        public string Session { get; } = session;

        public QuoteLines? Quotes { get; set; }

        public int FilteredOut;
        public int ContractLookups;
        public int HistoricalRequests;
        public int CacheHits;
        public int QuoteRequests;
        public int AverageVolumeBaselines;
    }
}
