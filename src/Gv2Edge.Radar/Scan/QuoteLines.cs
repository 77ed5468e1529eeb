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
/// (or <see cref="RadarScanOptions.QuoteWait"/> passes), cancel. A line is held for about one round trip, so many
/// quotes share the line budget; each costs two messages (reqMktData, cancelMktData), against one for a snapshot that
/// holds its line for IB's whole collection window (about 11 s).
/// </summary>
internal sealed class QuoteLines : IDisposable
{
    private readonly TwsClient _client;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _wait;
    private readonly SemaphoreSlim _lines;
    private readonly ConcurrentDictionary<MarketDataSubscription, TaskCompletionSource> _waiting = new();

    public QuoteLines(TwsClient client, TimeProvider clock, TimeSpan wait, int lines)
    {
        _client = client;
        _clock = clock;
        _wait = wait;
        _lines = new SemaphoreSlim(Math.Max(1, lines));
        _client.SubscriptionFailed += OnFailed;
    }

    private int _requests;

    /// <summary>Quote requests sent.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The values of <paramref name="contract"/>; per-symbol failures throw <see cref="SymbolException"/>.</summary>
    public async Task<TickerSnapshot> GetAsync(string symbol, Contract contract, CancellationToken cancellationToken)
    {
        await _lines.WaitAsync(cancellationToken).ConfigureAwait(false);
        MarketDataSubscription? sub = null;
        try
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            sub = await SubscribeAsync(symbol, contract, done, cancellationToken).ConfigureAwait(false);
            _waiting[sub] = done;
            if (!sub.IsActive)
            {
                done.TrySetResult();
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay(_wait, _clock, timeout.Token);
            await Task.WhenAny(done.Task, delay).ConfigureAwait(false);
            await timeout.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (sub.Error is TwsException ex && MarketDataService.IsPerSymbol(ex))
            {
                throw MarketDataService.ToSymbolError(symbol, ex);
            }

            TickerSnapshot snapshot = sub.Ticker.Snapshot();
            return snapshot.UpdateCount > 0
                ? snapshot
                : throw new SymbolException(symbol, SymbolErrorCodes.NoData,
                    $"{symbol}: no quote arrived within {_wait.TotalSeconds:0.#} s (market data farm down, or no data for this symbol).");
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

    private async Task<MarketDataSubscription> SubscribeAsync(string symbol, Contract contract, TaskCompletionSource done, CancellationToken cancellationToken)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                MarketDataSubscription sub = _client.Subscribe(contract, "", LineKind.Streaming, s =>
                {
                    if (IsComplete(s.Ticker.Snapshot()))
                    {
                        done.TrySetResult();
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

    private static bool IsComplete(in TickerSnapshot t)
        => t.Volume is not null && Known(t.Last) && Known(t.PreviousClose) && Known(t.High) && Known(t.Low);

    private static bool Known(double v) => double.IsFinite(v) && v > 0;

    private void OnFailed(object? sender, SubscriptionEvent e)
    {
        if (_waiting.TryGetValue(e.Subscription, out TaskCompletionSource? done))
        {
            done.TrySetResult();
        }
    }

    public void Dispose()
    {
        _client.SubscriptionFailed -= OnFailed;
        _lines.Dispose();
    }
}
