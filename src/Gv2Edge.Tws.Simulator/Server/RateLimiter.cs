namespace Gv2Edge.Tws.Simulator.Server;

/// <summary>
/// TWS's inbound limit: at most 50 client messages in any one-second window, counted over all connections
/// (IB documents the limit per TWS instance, not per client). Measured on the clock it is given: the limits clock
/// (<see cref="SimulatorOptions.LimitsClock"/>), the market clock by default.
/// </summary>
internal sealed class RateLimiter
{
    /// <summary>IB's limit.</summary>
    public const int MaxPerSecond = 50;

    private readonly TimeProvider _time;
    private readonly Queue<long> _arrivals = new(64);
    private readonly Lock _gate = new();
    private long _total;

    public RateLimiter(TimeProvider time) => _time = time;

    /// <summary>All messages ever admitted.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Messages in the last second.</summary>
    public int InLastSecond
    {
        get
        {
            lock (_gate)
            {
                Trim(_time.GetTimestamp());
                return _arrivals.Count;
            }
        }
    }

    /// <summary>Records one message; returns the count in the window ending now (over the limit when &gt; 50).</summary>
    public int Record()
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            Trim(now);
            _arrivals.Enqueue(now);
            _total++;
            return _arrivals.Count;
        }
    }

    private void Trim(long now)
    {
        long window = _time.TimestampFrequency;
        while (_arrivals.Count > 0 && now - _arrivals.Peek() >= window)
        {
            _arrivals.Dequeue();
        }
    }
}
