using System.Collections.Concurrent;
using Gv2Edge.Radar.Quotes;
using Gv2Edge.Radar.Services;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Scan;

/// <summary>
/// Level-1 quotes through short-lived lines: subscribe, wait until last, previous close, volume, high and low are in
/// (and IB's average volume, generic tick 21, when asked for), or <see cref="RadarScanOptions.QuoteWait"/> passes after
/// the first value, then cancel. A line is held for about one round trip, so many
/// quotes share the line budget; each costs two messages (reqMktData, cancelMktData), against one for a snapshot that
/// holds its line for IB's whole collection window (about 11 s).
/// </summary>
internal sealed class QuoteLines : IDisposable
{
    private readonly TwsClient _client;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _wait;
    private readonly SemaphoreSlim _lines;
    private readonly ConcurrentDictionary<MarketDataSubscription, Signals> _waiting = new();

    public QuoteLines(TwsClient client, TimeProvider clock, TimeSpan wait, int lines)
    {
        _client = client;
        _clock = clock;
        _wait = wait;
        _lines = new SemaphoreSlim(Math.Max(1, lines));
        _client.SubscriptionFailed += OnFailed;
    }

    /// <summary>The generic tick list that brings IB's average volume (tick 21 comes with the misc. stats, 165).</summary>
    private const string AverageVolumeTicks = "165";

    private int _requests;

    /// <summary>Quote requests sent.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>
    /// The values of <paramref name="contract"/>; per-symbol failures throw <see cref="SymbolException"/>. Waits up to
    /// <paramref name="firstTickTimeout"/> for the first value (the request may still be queued behind others for the
    /// client's pacing), then at most the settle time for the rest. With <paramref name="averageVolume"/> the request
    /// carries generic tick 165 (same message, no extra cost) and the quote waits for IB's average volume too.
    /// </summary>
    public async Task<TickerSnapshot> GetAsync(string symbol, Contract contract, bool averageVolume, TimeSpan firstTickTimeout,
        CancellationToken cancellationToken)
    {
        await _lines.WaitAsync(cancellationToken).ConfigureAwait(false);
        MarketDataSubscription? sub = null;
        try
        {
            var signals = new Signals();
            sub = await SubscribeAsync(symbol, contract, averageVolume, signals, cancellationToken).ConfigureAwait(false);
            _waiting[sub] = signals;
            if (!sub.IsActive)
            {
                signals.Fail();
            }

            // Cancelling a request still queued would overtake it (cancels take the priority lane) and leave an
            // orphan line at the gateway: the first wait is long, and only a settled request is cut short.
            if (await WaitAsync(signals.Any.Task, firstTickTimeout, cancellationToken).ConfigureAwait(false))
            {
                await WaitAsync(signals.Complete.Task, _wait, cancellationToken).ConfigureAwait(false);
            }

            if (sub.Error is TwsException ex && MarketDataService.IsPerSymbol(ex))
            {
                throw MarketDataService.ToSymbolError(symbol, ex);
            }

            TickerSnapshot snapshot = sub.Ticker.Snapshot();
            return snapshot.UpdateCount > 0
                ? snapshot
                : throw new SymbolException(symbol, SymbolErrorCodes.NoData,
                    $"{symbol}: no quote arrived within {firstTickTimeout.TotalSeconds:0.#} s (market data farm down, or no data for this symbol).");
        }
        finally
        {
            if (sub is not null)
            {
                _waiting.TryRemove(sub, out _);
                _client.Unsubscribe(sub);
            }

            _lines.Release();
        }
    }

    /// <summary>True when <paramref name="task"/> finished within <paramref name="limit"/>.</summary>
    private async Task<bool> WaitAsync(Task task, TimeSpan limit, CancellationToken cancellationToken)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task first = await Task.WhenAny(task, Task.Delay(limit, _clock, stop.Token)).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return first == task;
    }

    private async Task<MarketDataSubscription> SubscribeAsync(string symbol, Contract contract, bool averageVolume, Signals signals,
        CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                MarketDataSubscription sub = _client.Subscribe(contract, averageVolume ? AverageVolumeTicks : "", LineKind.Streaming, s =>
                {
                    signals.Any.TrySetResult();
                    TickerSnapshot t = s.Ticker.Snapshot();
                    if (IsComplete(t) && (!averageVolume || t.AverageVolume is not null))
                    {
                        signals.Complete.TrySetResult();
                    }
                });
                Interlocked.Increment(ref _requests);
                return sub;
            }
            catch (TwsException ex) when (ex.Code == TwsErrorCodes.LineBudgetExhausted && attempt < 40)
            {
                // Another part of the app took the lines meanwhile: wait for one to come back.
                await Task.Delay(TimeSpan.FromMilliseconds(250), _clock, cancellationToken).ConfigureAwait(false);
            }
            catch (TwsException ex) when (MarketDataService.IsPerSymbol(ex))
            {
                throw MarketDataService.ToSymbolError(symbol, ex);
            }
        }
    }

    /// <summary>IB's average daily volume (generic tick 21, shares), or null until it is in.</summary>
    public static double? AverageVolume(in TickerSnapshot t) => t.AverageVolume is { } v && v > 0 ? (double)v : null;

    private static bool IsComplete(in TickerSnapshot t)
        => t.Volume is not null && Known(t.Last) && Known(t.PreviousClose) && Known(t.High) && Known(t.Low);

    private static bool Known(double v) => double.IsFinite(v) && v > 0;

    private void OnFailed(object? sender, SubscriptionEvent e)
    {
        if (_waiting.TryGetValue(e.Subscription, out Signals? signals))
        {
            signals.Fail();
        }
    }

    /// <summary>First value in, all values in (a failure sets both).</summary>
    private sealed class Signals
    {
        public TaskCompletionSource Any { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Complete { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail()
        {
            Any.TrySetResult();
            Complete.TrySetResult();
        }
    }

    public void Dispose()
    {
        _client.SubscriptionFailed -= OnFailed;
        _lines.Dispose();
    }
}
