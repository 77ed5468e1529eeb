using Gv2Edge.Market;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Streaming;

/// <summary>Table changes (under the lock) and the paced sender.</summary>
public sealed partial class SubscriptionManager
{
    /// <summary>Sends up to one batch of pending requests (due retries first join the queue); returns how many went out. Safe to call from one loop only.</summary>
    public async Task<int> SendBatchAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            PromoteDueRetries();
        }

        int sent = 0;
        while (sent < _options.BatchSize)
        {
            Op op;
            lock (_lock)
            {
                if (!_ops.TryDequeue(out op))
                {
                    break;
                }

                if (op.Subscribe && !(_held.TryGetValue(op.Symbol, out Subscription? s) && ReferenceEquals(s, op.Target)))
                {
                    continue; // evicted or released before it went out
                }

                if (op.Subscribe)
                {
                    op.Target!.Sent = true;
                }
            }

            sent++;
            if (!op.Subscribe)
            {
                await _lines.UnsubscribeAsync(op.Symbol, cancellationToken).ConfigureAwait(false);
                continue;
            }

            _store.MarkGap(op.Target!.Id); // a fresh subscription restarts period volume
            LineOutcome outcome;
            try
            {
                outcome = await _lines.SubscribeAsync(op.Symbol, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                outcome = LineOutcome.Unavailable;
            }

            if (outcome != LineOutcome.Subscribed)
            {
                lock (_lock)
                {
                    if (_held.TryGetValue(op.Symbol, out Subscription? s) && ReferenceEquals(s, op.Target))
                    {
                        Fail(s, outcome);
                    }
                }
            }
        }

        return sent;
    }

    /// <summary>
    /// Sends pending requests in batches of <see cref="StreamingOptions.BatchSize"/>, <see cref="StreamingOptions.BatchDelay"/>
    /// apart, and re-requests what could not go out after <see cref="StreamingOptions.RetryDelay"/>, until cancelled.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await WaitForWorkAsync(cancellationToken).ConfigureAwait(false);
            while (await SendBatchAsync(cancellationToken).ConfigureAwait(false) > 0 && PendingSends > 0)
            {
                await Task.Delay(_options.BatchDelay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>After a reconnect every line is gone: re-send every held subscription (waiting retries included), in paced batches.</summary>
    public void OnReconnected()
    {
        lock (_lock)
        {
            Reconnects++;
            _ops.Clear();
            _retries.Clear();
            foreach (Subscription s in _held.Values.OrderByDescending(s => s.Priority).ThenBy(s => s.Symbol, StringComparer.Ordinal))
            {
                s.Sent = false;
                Enqueue(new Op(s.Symbol, true, s));
            }
        }
    }

    /// <summary>
    /// The line provider reported <paramref name="symbol"/> silent: resubscribe it. Evicted only when the gateway
    /// refuses the symbol itself; a passing failure (no line at that moment, connection down) keeps it and retries
    /// later. True when kept.
    /// </summary>
    public async Task<bool> OnStaleAsync(string symbol, CancellationToken cancellationToken)
    {
        LineOutcome outcome;
        try
        {
            outcome = await _lines.ResubscribeAsync(symbol, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = LineOutcome.Unavailable;
        }

        if (outcome == LineOutcome.Subscribed)
        {
            if (_store.TryGetId(symbol, out SymbolId id))
            {
                _store.MarkGap(id);
            }

            return true;
        }

        lock (_lock)
        {
            if (!_held.TryGetValue(symbol, out Subscription? s))
            {
                return false;
            }

            if (outcome == LineOutcome.Unavailable)
            {
                ScheduleRetry(s);
                return true;
            }

            Evict(s);
            AdmitWaiting();
        }

        return false;
    }

    /// <summary>Stale = no update for <see cref="StreamingOptions.StaleAfter"/> during regular hours (a quiet pre-market or a closed market is not stale).</summary>
    internal bool IsStale(Subscription s, long nowUtc)
    {
        SessionPoint session = _store.Clock.At(nowUtc);
        if (session.Session != MarketSession.Rth)
        {
            return false;
        }

        long since = Math.Max(Math.Max(_store.LastUpdateUtcTicks(s.Id), s.SubscribedAtUtc), session.SessionStartUtcTicks);
        return nowUtc - since >= _options.StaleAfter.Ticks;
    }

    private Subscription? FindVictim(HotPriority requester, long now)
    {
        Subscription? best = null;
        long bestUpdate = 0;
        foreach (Subscription s in _held.Values)
        {
            if (s.Priority == HotPriority.Hot || (s.Priority >= requester && !IsStale(s, now)))
            {
                continue; // never a HOT one; same or higher priority only when stale
            }

            long update = Math.Max(_store.LastUpdateUtcTicks(s.Id), s.SubscribedAtUtc);
            if (best is null || s.Priority < best.Priority || (s.Priority == best.Priority && update < bestUpdate))
            {
                (best, bestUpdate) = (s, update);
            }
        }

        return best;
    }

    private void Admit(string symbol, SymbolId id, HotPriority priority, long now)
    {
        var s = new Subscription(symbol, id, priority, now);
        _held[symbol] = s;
        Enqueue(new Op(symbol, true, s));
    }

    private void AdmitWaiting()
    {
        long now = _time.GetUtcNow().UtcTicks;
        while (_queue.Count > 0 && _held.Count < Cap)
        {
            Waiting next = _queue.OrderByDescending(w => w.Priority).ThenBy(w => w.Sequence).First();
            _queue.Remove(next);
            Admit(next.Symbol, _store.Intern(next.Symbol), next.Priority, now);
        }
    }

    private void Evict(Subscription s)
    {
        Evictions++;
        _evicted.Add(s.Symbol);
        Drop(s);
    }

    private void Drop(Subscription s)
    {
        _held.Remove(s.Symbol);
        if (s.Sent)
        {
            Enqueue(new Op(s.Symbol, false, null));
        }
    }

    private void Enqueue(Op op)
    {
        _ops.Enqueue(op);
        _work.Release();
    }

    internal sealed class Subscription(string symbol, SymbolId id, HotPriority priority, long subscribedAtUtc)
    {
        public string Symbol { get; } = symbol;

        public SymbolId Id { get; } = id;

        public HotPriority Priority { get; set; } = priority;

        public long SubscribedAtUtc { get; } = subscribedAtUtc;

        public bool Sent { get; set; }
    }

    private readonly record struct Waiting(string Symbol, HotPriority Priority, long Sequence);

    private readonly record struct Op(string Symbol, bool Subscribe, Subscription? Target);
}
