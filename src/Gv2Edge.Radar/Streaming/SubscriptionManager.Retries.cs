namespace Gv2Edge.Radar.Streaming;

/// <summary>
/// Requests that could not go out for a passing reason keep their place and are re-requested after
/// <see cref="StreamingOptions.RetryDelay"/>: a subscription is never lost to a busy moment (another part of the app
/// holding the lines, a reconnect in progress), only to the gateway refusing the symbol itself.
/// </summary>
public sealed partial class SubscriptionManager
{
    private readonly List<Retry> _retries = [];

    /// <summary>Requests that could not go out at once and were re-requested later.</summary>
    public long Retries { get; private set; }

    /// <summary>Held subscriptions waiting to be re-requested.</summary>
    public int RetryingCount
    {
        get
        {
            lock (_lock)
            {
                return _retries.Count;
            }
        }
    }

    /// <summary>
    /// The client lost a held line (the gateway ended it with an error): <see cref="LineOutcome.Refused"/> gives the line
    /// up (counted in <see cref="Failures"/>), anything else re-requests it later.
    /// </summary>
    public void OnLineLost(string symbol, LineOutcome outcome)
    {
        lock (_lock)
        {
            if (_held.TryGetValue(symbol, out Subscription? s))
            {
                s.Sent = false; // the client already dropped the line: nothing to cancel
                Fail(s, outcome);
            }
        }

        _work.Release();
    }

    /// <summary>A request that did not go through (under the lock).</summary>
    private void Fail(Subscription s, LineOutcome outcome)
    {
        if (outcome == LineOutcome.Refused)
        {
            Failures++;
            _held.Remove(s.Symbol);
            AdmitWaiting();
            return;
        }

        ScheduleRetry(s);
    }

    /// <summary>Keeps <paramref name="s"/> held and re-requests it after the retry delay (under the lock).</summary>
    private void ScheduleRetry(Subscription s)
    {
        Retries++;
        s.Sent = false;
        _retries.RemoveAll(r => ReferenceEquals(r.Target, s));
        _retries.Add(new Retry(s, _time.GetUtcNow().UtcTicks + _options.RetryDelay.Ticks));
    }

    /// <summary>Moves due retries into the send queue (under the lock); over the cap they wait for a line instead.</summary>
    private void PromoteDueRetries()
    {
        long now = _time.GetUtcNow().UtcTicks;
        for (int i = 0; i < _retries.Count;)
        {
            Retry r = _retries[i];
            if (r.DueUtc > now)
            {
                i++;
                continue;
            }

            _retries.RemoveAt(i);
            if (!(_held.TryGetValue(r.Target.Symbol, out Subscription? s) && ReferenceEquals(s, r.Target)))
            {
                continue; // released or evicted meanwhile
            }

            if (_held.Count > Cap)
            {
                // The line budget shrank meanwhile (e.g. IB's 101): wait in the queue for a line rather than go over.
                _held.Remove(s.Symbol);
                _queue.Add(new Waiting(s.Symbol, s.Priority, _sequence++));
                continue;
            }

            _ops.Enqueue(new Op(s.Symbol, true, s));
        }
    }

    /// <summary>Waits for queued work, or for the next retry to fall due.</summary>
    private async Task WaitForWorkAsync(CancellationToken cancellationToken)
    {
        TimeSpan? retryIn;
        lock (_lock)
        {
            retryIn = _retries.Count == 0 ? null : TimeSpan.FromTicks(Math.Max(0, _retries.Min(r => r.DueUtc) - _time.GetUtcNow().UtcTicks));
        }

        if (retryIn is not { } wait)
        {
            await _work.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (wait == TimeSpan.Zero)
        {
            return;
        }

        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task work = _work.WaitAsync(either.Token);
        Task delay = Task.Delay(wait, _time, either.Token);
        await Task.WhenAny(work, delay).ConfigureAwait(false);
        await either.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(work, delay).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private readonly record struct Retry(Subscription Target, long DueUtc);
}
