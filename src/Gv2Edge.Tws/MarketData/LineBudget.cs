namespace Gv2Edge.Tws.MarketData;

/// <summary>
/// Counts IB market-data lines (default 100, IB's default allowance). Long-lived subscriptions may use all but
/// the reserve (default 10), which stays free for on-demand requests. When IB answers 101 ("max number of
/// tickers") the budget learns the account's real limit and lowers itself. Thread-safe.
/// </summary>
public sealed class LineBudget
{
    private readonly Lock _gate = new();
    private int _max;
    private int _reserved;
    private int _streaming;
    private int _onDemand;

    /// <param name="maxLines">Lines the account allows. Default 100.</param>
    /// <param name="reservedLines">Lines kept for on-demand requests. Default 10.</param>
    public LineBudget(int maxLines = 100, int reservedLines = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(reservedLines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(reservedLines, maxLines);
        _max = maxLines;
        _reserved = reservedLines;
    }

    /// <summary>Lines the account allows (lowered on 101).</summary>
    public int MaxLines
    {
        get
        {
            lock (_gate)
            {
                return _max;
            }
        }
    }

    /// <summary>Lines kept for on-demand requests (never more than <see cref="MaxLines"/>).</summary>
    public int Reserved
    {
        get
        {
            lock (_gate)
            {
                return Math.Min(_reserved, _max);
            }
        }
    }

    /// <summary>Lines in use, both kinds.</summary>
    public int Used
    {
        get
        {
            lock (_gate)
            {
                return _streaming + _onDemand;
            }
        }
    }

    /// <summary>Lines held by long-lived subscriptions.</summary>
    public int UsedByStreaming
    {
        get
        {
            lock (_gate)
            {
                return _streaming;
            }
        }
    }

    /// <summary>Lines not in use (including the reserve).</summary>
    public int Free
    {
        get
        {
            lock (_gate)
            {
                return Math.Max(0, _max - _streaming - _onDemand);
            }
        }
    }

    /// <summary>Lines a new long-lived subscription could still take (the reserve excluded).</summary>
    public int FreeForStreaming
    {
        get
        {
            lock (_gate)
            {
                return FreeFor(LineKind.Streaming);
            }
        }
    }

    /// <summary>Takes one line for <paramref name="kind"/>; false when none is free for that kind.</summary>
    public bool TryAcquire(LineKind kind)
    {
        lock (_gate)
        {
            if (FreeFor(kind) <= 0)
            {
                return false;
            }

            if (kind == LineKind.Streaming)
            {
                _streaming++;
            }
            else
            {
                _onDemand++;
            }

            return true;
        }
    }

    /// <summary>Gives one line of <paramref name="kind"/> back.</summary>
    public void Release(LineKind kind)
    {
        lock (_gate)
        {
            if (kind == LineKind.Streaming)
            {
                _streaming = Math.Max(0, _streaming - 1);
            }
            else
            {
                _onDemand = Math.Max(0, _onDemand - 1);
            }
        }
    }

    /// <summary>
    /// IB answered 101 to a request that held a line: the account allows fewer lines than we thought. The new
    /// limit is the lines in use without that one. Returns the new limit.
    /// </summary>
    public int LearnLimitFromMaxTickers()
    {
        lock (_gate)
        {
            _max = Math.Max(1, _streaming + _onDemand - 1);
            return _max;
        }
    }

    /// <summary>A consistent snapshot of the counters.</summary>
    public LineBudgetSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new LineBudgetSnapshot(_max, Math.Min(_reserved, _max), _streaming, _onDemand,
                Math.Max(0, _max - _streaming - _onDemand));
        }
    }

    private int FreeFor(LineKind kind)
    {
        int used = _streaming + _onDemand;
        int free = _max - used;
        if (kind == LineKind.OnDemand)
        {
            return free;
        }

        // Streaming lines may not eat into the reserve, but on-demand lines already in use count against it.
        int reserveStillNeeded = Math.Max(0, Math.Min(_reserved, _max) - _onDemand);
        return free - reserveStillNeeded;
    }
}

/// <summary>The line budget at one instant.</summary>
/// <param name="MaxLines">Lines the account allows.</param>
/// <param name="Reserved">Lines kept for on-demand requests.</param>
/// <param name="UsedByStreaming">Lines held by long-lived subscriptions.</param>
/// <param name="UsedOnDemand">Lines held by on-demand requests.</param>
/// <param name="Free">Lines not in use.</param>
public readonly record struct LineBudgetSnapshot(int MaxLines, int Reserved, int UsedByStreaming, int UsedOnDemand, int Free)
{
    /// <summary>All lines in use.</summary>
    public int Used => UsedByStreaming + UsedOnDemand;
}
