using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Gv2Edge.Market;
using Gv2Edge.Radar.Anomaly;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Scan;

/// <summary>
/// The anomaly radar over a universe (the guide's <c>run_ibkr_radar</c>): per symbol a level-1 quote through a
/// short-lived line and its own baselines (average volume to this time of day over 20 sessions, ATR(14)) from
/// half-hour bars, scored by <see cref="AnomalyScorer"/>. Contracts and baselines are cached per trading day (on disk
/// when <see cref="RadarScanOptions.CacheDirectory"/> is set), so a re-scan costs only quotes. Every request goes
/// through the client's pacing; a symbol's failure is reported and never stops the scan. Call <see cref="ScanAsync"/>
/// on an interval, or iterate <see cref="RunAsync"/>.
/// </summary>
public sealed partial class RadarScanService
{
    private readonly TwsClient _client;
    private readonly MarketDataService _market;
    private readonly TimeProvider _clock;
    private readonly AnomalyScorer _scorer;
    private readonly Lock _gate = new();
    private HashSet<string> _previousSuspects = new(StringComparer.Ordinal);
    private BaselineDiskCache? _cache;

    /// <param name="client">A connected client.</param>
    /// <param name="market">The market data service over the same client (market clock, sessions, contract cache).</param>
    /// <param name="options">Scan options. Default <see cref="RadarScanOptions"/>.</param>
    /// <param name="clock">Clock for waits and timing. Default system.</param>
    public RadarScanService(TwsClient client, MarketDataService market, RadarScanOptions? options = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(market);
        _client = client;
        _market = market;
        Options = options ?? new RadarScanOptions();
        Options.Validate();
        _clock = clock ?? TimeProvider.System;
        _scorer = new AnomalyScorer(Options.Anomaly);
    }

    /// <summary>The options in use.</summary>
    public RadarScanOptions Options { get; }

    /// <summary>The baseline of <paramref name="symbol"/> held for the current trading day, or null (none yet, or no scan ran).</summary>
    public SymbolBaseline? CachedBaseline(string symbol)
    {
        lock (_gate)
        {
            return _cache?.Get(symbol)?.Baseline;
        }
    }

    /// <summary>Scans <paramref name="targets"/> once; <paramref name="progress"/> gets symbols done.</summary>
    public async Task<RadarScanResult> ScanAsync(IReadOnlyList<RadarTarget> targets, IProgress<RadarScanProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        long started = _clock.GetTimestamp();
        DateTimeOffset now = await _market.NowAsync(cancellationToken).ConfigureAwait(false);
        DateOnly day = _market.TradingDayOf(now);
        BaselineDiskCache cache = CacheFor(day);
        var scan = new ScanContext(cache, VolumeClock(now, day), _market.Sessions.GetSession(now).Session.ToName());
        int lines = Math.Max(1, Math.Min(Options.MaxQuoteLines ?? int.MaxValue, _client.Lines.FreeForStreaming));
        var rows = new ConcurrentBag<RadarRow>();
        var errors = new ConcurrentDictionary<string, SymbolError>(StringComparer.Ordinal);
        int done = 0;
        using (var quotes = new QuoteLines(_client, _clock, Options.QuoteWait, lines))
        {
            scan.Quotes = quotes;
            await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = Options.Concurrency, CancellationToken = cancellationToken },
                async (target, ct) =>
                {
                    try
                    {
                        if (await ScanSymbolWithRetryAsync(target, scan, errors, ct).ConfigureAwait(false) is { } row)
                        {
                            rows.Add(row);
                        }
                    }
                    catch (SymbolException ex)
                    {
                        errors.TryAdd(target.Symbol, new SymbolError(target.Symbol, ex.Code, ex.Message));
                    }
                    finally
                    {
                        progress?.Report(new RadarScanProgress(Interlocked.Increment(ref done), targets.Count));
                    }
                }).ConfigureAwait(false);
            scan.QuoteRequests = quotes.Requests;
        }

        string? cacheProblem = cache.Save() ?? cache.LoadProblem;
        List<RadarRow> scored = [.. rows.OrderByDescending(r => r.Score).ThenBy(r => r.Symbol, StringComparer.Ordinal)];
        List<RadarRow> emitted = [.. scored.Where(r => r.Score >= Options.Anomaly.EmitScore)];
        List<string> suspects = [.. emitted.Where(r => r.IsSuspect).Select(r => r.Symbol)];
        List<string> fresh;
        lock (_gate)
        {
            fresh = [.. suspects.Where(s => !_previousSuspects.Contains(s))];
            _previousSuspects = new HashSet<string>(suspects, StringComparer.Ordinal);
        }

        var stats = new RadarScanStats(targets.Count, rows.Count, scan.FilteredOut, scan.QuoteRequests, scan.ContractLookups,
            scan.HistoricalRequests, scan.CacheHits, _clock.GetElapsedTime(started), cacheProblem, scan.AverageVolumeBaselines);
        return new RadarScanResult(now, day, scan.Session, emitted, suspects, fresh,
            [.. errors.Values.OrderBy(e => e.Symbol, StringComparer.Ordinal)], stats, scored);
    }

    /// <summary>
    /// Continuous mode: scans the universe <paramref name="universe"/> gives (asked again each time, so a scanner
    /// universe follows the market), then waits for the rest of <paramref name="interval"/>, until cancelled.
    /// Each result's <see cref="RadarScanResult.NewSuspects"/> are the symbols to promote (the app feeds them to the
    /// streaming engine as WARM).
    /// </summary>
    public async IAsyncEnumerable<RadarScanResult> RunAsync(Func<CancellationToken, Task<IReadOnlyList<RadarTarget>>> universe, TimeSpan interval,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(universe);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        while (!cancellationToken.IsCancellationRequested)
        {
            long started = _clock.GetTimestamp();
            IReadOnlyList<RadarTarget> targets = await universe(cancellationToken).ConfigureAwait(false);
            yield return await ScanAsync(targets, null, cancellationToken).ConfigureAwait(false);
            TimeSpan wait = interval - _clock.GetElapsedTime(started);
            bool stopped = false;
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                stopped = true;
            }

            if (stopped)
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// The time of day today's volume is compared at: now during the trading day's sessions, else the end of that
    /// day's last session counted (overnight and on weekends "today" is the last trading session, complete).
    /// </summary>
    public DateTimeOffset VolumeClock(DateTimeOffset now, DateOnly tradingDay)
    {
        TradingDay td = _market.Sessions.Calendar.GetDay(tradingDay);
        DateTimeOffset end = (Options.IncludeExtendedHours ? td.PostClose : td.RthClose) ?? ExchangeTime.At(tradingDay, new TimeOnly(20, 0));
        return ExchangeTime.DateOf(now) != tradingDay || now >= end ? end : now;
    }

    /// <summary>
    /// A lost connection (the gateway restarted, or closed us for a burst it measured) is not the symbol's fault: wait for
    /// the client to reconnect and try the symbol again, twice at most.
    /// </summary>
    private async Task<RadarRow?> ScanSymbolWithRetryAsync(RadarTarget target, ScanContext scan, ConcurrentDictionary<string, SymbolError> errors,
        CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await ScanSymbolAsync(target, scan, errors, cancellationToken).ConfigureAwait(false);
            }
            catch (TwsException ex) when (attempt < 3 && ex.Code is TwsErrorCodes.ConnectionLost or TwsErrorCodes.NotConnected)
            {
                long since = _clock.GetTimestamp();
                while (!_client.IsConnected)
                {
                    if (_clock.GetElapsedTime(since) > Options.RequestTimeout)
                    {
                        throw;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(100), _clock, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private BaselineDiskCache CacheFor(DateOnly day)
    {
        lock (_gate)
        {
            if (_cache is null || _cache.TradingDay != day)
            {
                string fingerprint = $"v1|{HistoryBarSize}|{HistoryDuration}|ext|sessions={Options.BaselineSessions}|atr={Options.AtrPeriod}";
                _cache = new BaselineDiskCache(Options.CacheDirectory, day, fingerprint);
            }

            return _cache;
        }
    }
}
