using System.Collections.Concurrent;
using Gv2Edge.Tws;
using Gv2Edge.Tws.Errors;
using Gv2Edge.Tws.MarketData;
using Gv2Edge.Tws.Protocol.Messages;

namespace Gv2Edge.Radar.Flow;

/// <summary>What one short-lived line collected: the ticker, the error that ended it (if any), and whether it completed.</summary>
internal readonly record struct Collected(TickerSnapshot Snapshot, TwsException? Error, bool Complete, bool Opened);

/// <summary>
/// The options-flow service's market-data lines: on-demand lines, never more than <c>capacity</c> at once (later
/// requests queue), each held only while its data is collected. A request that finds the client's budget full (lines
/// taken elsewhere) waits and retries until its deadline.
/// </summary>
internal sealed class FlowLines
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(200);
    private readonly TwsClient _client;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<MarketDataSubscription, SemaphoreSlim> _waiters = new();
    private int _held;
    private int _peak;
    private long _opened;

    public FlowLines(TwsClient client, int capacity, TimeProvider clock)
    {
        _client = client;
        _clock = clock;
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
        client.SubscriptionFailed += (_, e) =>
        {
            if (_waiters.TryGetValue(e.Subscription, out SemaphoreSlim? signal))
            {
                Poke(signal);
            }
        };
    }

    public int Capacity { get; }

    /// <summary>Most lines held at once since the service started.</summary>
    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Lines opened since the service started.</summary>
    public long Opened => Interlocked.Read(ref _opened);

    /// <summary>
    /// Opens a line on <paramref name="contract"/> when one is free, waits until <paramref name="complete"/> holds, the line
    /// fails, <paramref name="wake"/> fires and <paramref name="complete"/> then holds, or <paramref name="wait"/> passes;
    /// then closes the line. Never throws for IB errors or timeouts: they are in the result.
    /// </summary>
    public async Task<Collected> CollectAsync(Contract contract, string genericTicks, Func<TickerSnapshot, bool> complete, TimeSpan wait,
        DateTimeOffset deadline, CancellationToken cancellationToken, Task? wake = null)
    {
        TimeSpan queueLimit = deadline - _clock.GetUtcNow();
        if (queueLimit <= TimeSpan.Zero || !await _slots.WaitAsync(queueLimit, cancellationToken).ConfigureAwait(false))
        {
            return new Collected(default, null, false, false);
        }

        using var signal = new SemaphoreSlim(0);
        MarketDataSubscription? sub = null;
        try
        {
            sub = await OpenAsync(contract, genericTicks, signal, deadline, cancellationToken).ConfigureAwait(false);
            if (sub is null)
            {
                return new Collected(default, null, false, false);
            }

            Track(+1);
            _waiters[sub] = signal;
            _ = wake?.ContinueWith(_ => Poke(signal), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            TimeSpan limit = Min(wait, deadline - _clock.GetUtcNow());
            using var timeout = new CancellationTokenSource(limit > TimeSpan.Zero ? limit : TimeSpan.Zero, _clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            while (true)
            {
                if (!sub.IsActive)
                {
                    return new Collected(sub.Ticker.Snapshot(), sub.Error as TwsException ?? new TwsException(TwsErrorCodes.ConnectionLost, sub.Error?.Message ?? "the line ended"), false, true);
                }

                TickerSnapshot snapshot = sub.Ticker.Snapshot();
                if (complete(snapshot))
                {
                    return new Collected(snapshot, null, true, true);
                }

                try
                {
                    await signal.WaitAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new Collected(sub.Ticker.Snapshot(), sub.IsActive ? null : sub.Error as TwsException, complete(sub.Ticker.Snapshot()), true);
                }
            }
        }
        finally
        {
            if (sub is not null)
            {
                _waiters.TryRemove(sub, out _);
                _client.Unsubscribe(sub);
                Track(-1);
            }

            _slots.Release();
        }
    }

    private async Task<MarketDataSubscription?> OpenAsync(Contract contract, string genericTicks, SemaphoreSlim signal, DateTimeOffset deadline,
        CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                MarketDataSubscription sub = _client.Subscribe(contract, genericTicks, LineKind.OnDemand, _ => Poke(signal));
                Interlocked.Increment(ref _opened);
                return sub;
            }
            catch (TwsException ex) when (ex.Code == TwsErrorCodes.LineBudgetExhausted)
            {
                if (_clock.GetUtcNow() + Retry > deadline)
                {
                    return null;
                }

                await Task.Delay(Retry, _clock, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static void Poke(SemaphoreSlim signal)
    {
        try
        {
            // One pending wake-up is enough: the waiter re-reads the whole ticker.
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (ObjectDisposedException)
        {
            // The collection finished between the tick and this call.
        }
    }

    private void Track(int delta)
    {
        int now = Interlocked.Add(ref _held, delta);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
