namespace Gv2Edge.Tws.Simulator.Load;

/// <summary>
/// How many frames are due: the schedule is a straight line from the start (rate × elapsed time on the driving
/// clock), so timer jitter only changes batch sizes, never the rate. Frames not sent when due stay owed up to
/// <see cref="MaxBacklog"/> worth of time; beyond that they are written off and counted in <see cref="Behind"/>.
/// Not thread-safe (one load loop owns it).
/// </summary>
internal sealed class LoadPacer
{
    /// <summary>The longest backlog carried over (the rest is written off).</summary>
    public static readonly TimeSpan MaxBacklog = TimeSpan.FromMilliseconds(100);

    private readonly double _perTimestampUnit;
    private readonly long _maxOwed;
    private readonly int _unlimitedBatch;
    private long _start;
    private long _scheduled;
    private long _owed;

    public LoadPacer(double ticksPerSecond, long timestampFrequency, long start, int unlimitedBatch = 4_096)
    {
        Unlimited = double.IsPositiveInfinity(ticksPerSecond);
        _perTimestampUnit = ticksPerSecond / timestampFrequency;
        _maxOwed = Unlimited ? unlimitedBatch : Math.Max(1, (long)(ticksPerSecond * MaxBacklog.TotalSeconds));
        _unlimitedBatch = unlimitedBatch;
        _start = start;
    }

    public bool Unlimited { get; }

    /// <summary>Frames written off because the clients could not take them in time.</summary>
    public long Behind { get; private set; }

    /// <summary>Frames owed at <paramref name="now"/> (a driving-clock timestamp); the caller reports back with <see cref="Sent"/>.</summary>
    public long Due(long now)
    {
        if (Unlimited)
        {
            return _unlimitedBatch;
        }

        long target = (long)((now - _start) * _perTimestampUnit);
        if (target > _scheduled)
        {
            _owed += target - _scheduled;
            _scheduled = target;
        }

        if (_owed > _maxOwed)
        {
            Behind += _owed - _maxOwed;
            _owed = _maxOwed;
        }

        return _owed;
    }

    /// <summary>Records frames actually sent out of what <see cref="Due"/> returned.</summary>
    public void Sent(long frames)
    {
        if (!Unlimited)
        {
            _owed = Math.Max(0, _owed - frames);
        }
    }

    /// <summary>Starts the schedule again at <paramref name="now"/> (nobody to send to: no debt builds up meanwhile).</summary>
    public void Restart(long now)
    {
        _start = now;
        _scheduled = 0;
        _owed = 0;
    }
}
