namespace Gv2Edge.Tws.Pacing;

/// <summary>
/// Queues historical requests so they follow IB's pacing rules (<see cref="HistoricalPacingRules"/>): a request
/// waits, it never fails for pacing. <see cref="AcquireAsync(HistoricalRequestKey, CancellationToken)"/> completes when the request may be sent and
/// returns a lease; dispose the lease when the answer (or error, or cancel) arrives to free its open slot.
/// Requests are granted in arrival order, except that one held back by a per-contract or identical-request
/// rule does not hold back requests for other contracts.
/// </summary>
public sealed class HistoricalRequestScheduler : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HistoricalPacingRules _rules = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private readonly int _maxOpen;
    private int _open;
    private bool _disposed;

    /// <param name="time">Clock. Default system.</param>
    /// <param name="maxOpen">Open requests allowed at once. Default 50 (IB's limit).</param>
    public HistoricalRequestScheduler(TimeProvider? time = null, int maxOpen = HistoricalPacingRules.MaxOpen)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOpen, 1);
        _time = time ?? TimeProvider.System;
        _maxOpen = maxOpen;
        _timer = _time.CreateTimer(static s => ((HistoricalRequestScheduler)s!).Pump(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Requests granted and not yet released.</summary>
    public int Open
    {
        get
        {
            lock (_gate)
            {
                return _open;
            }
        }
    }

    /// <summary>Requests waiting for their turn.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Waits until a request with <paramref name="key"/> may be sent.</summary>
    public Task<HistoricalLease> AcquireAsync(HistoricalRequestKey key, CancellationToken cancellationToken = default)
        => AcquireAsync(key, TimeSpan.Zero, cancellationToken);

    /// <summary>
    /// Waits until a request with <paramref name="key"/> may be sent and at least <paramref name="notBefore"/> has
    /// passed: the back-off of a request IB refused for pacing (162), whose gateway counters (shared with every other
    /// application on that gateway) are fuller than this scheduler can know.
    /// </summary>
    public Task<HistoricalLease> AcquireAsync(HistoricalRequestKey key, TimeSpan notBefore, CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(key) { NotBefore = notBefore > TimeSpan.Zero ? _time.GetUtcNow() + notBefore : DateTimeOffset.MinValue };
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            waiter.Node = _queue.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
        }

        Pump();
        return waiter.Completion.Task;
    }

    public void Dispose()
    {
        List<Waiter> pending;
        lock (_gate)
        {
            _disposed = true;
            pending = [.. _queue];
            _queue.Clear();
        }

        _timer.Dispose();
        foreach (Waiter w in pending)
        {
            w.Registration.Dispose();
            w.Completion.TrySetException(new ObjectDisposedException(nameof(HistoricalRequestScheduler)));
        }
    }

    internal void Release(HistoricalLease lease)
    {
        lock (_gate)
        {
            _open--;
        }

        Pump();
    }

    internal void MarkSent(object handle)
    {
        lock (_gate)
        {
            _rules.Correct(handle, _time.GetUtcNow());
        }
    }

    private void Cancel(Waiter waiter, CancellationToken token)
    {
        lock (_gate)
        {
            if (waiter.Node?.List is null)
            {
                return;
            }

            _queue.Remove(waiter.Node);
        }

        waiter.Completion.TrySetCanceled(token);
        Pump();
    }

    private void Pump()
    {
        List<(Waiter Waiter, HistoricalLease Lease)> granted = [];
        TimeSpan? next = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            DateTimeOffset now = _time.GetUtcNow();
            for (LinkedListNode<Waiter>? node = _queue.First; node is not null && _open < _maxOpen;)
            {
                LinkedListNode<Waiter>? following = node.Next;
                TimeSpan wait = _rules.WaitBefore(node.Value.Key, now);
                if (node.Value.NotBefore - now is { Ticks: > 0 } backoff && backoff > wait)
                {
                    wait = backoff;
                }

                if (wait <= TimeSpan.Zero)
                {
                    object handle = _rules.Record(node.Value.Key, now);
                    _open++;
                    _queue.Remove(node);
                    granted.Add((node.Value, new HistoricalLease(this, handle)));
                }
                else if (next is null || wait < next)
                {
                    next = wait;
                }

                node = following;
            }

            // Re-arm for the earliest rule-blocked request (a full open count is woken by Release instead).
            _timer.Change(next ?? Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        foreach ((Waiter w, HistoricalLease lease) in granted)
        {
            w.Registration.Dispose();
            if (!w.Completion.TrySetResult(lease))
            {
                lease.Dispose();
            }
        }
    }

    private sealed class Waiter(HistoricalRequestKey key)
    {
        public HistoricalRequestKey Key { get; } = key;

        public TaskCompletionSource<HistoricalLease> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public DateTimeOffset NotBefore { get; init; }

        public CancellationTokenRegistration Registration { get; set; }
    }
}

/// <summary>Permission to send one historical request; dispose it when the request is over.</summary>
public sealed class HistoricalLease : IDisposable
{
    private readonly HistoricalRequestScheduler _owner;
    private readonly object _handle;
    private int _disposed;

    internal HistoricalLease(HistoricalRequestScheduler owner, object handle)
    {
        _owner = owner;
        _handle = handle;
    }

    /// <summary>Tells the scheduler when the request actually left (pacing of the writer may delay it).</summary>
    public void MarkSent() => _owner.MarkSent(_handle);

    /// <summary>Frees the open slot.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _owner.Release(this);
        }
    }
}
