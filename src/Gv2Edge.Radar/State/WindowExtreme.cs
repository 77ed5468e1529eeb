namespace Gv2Edge.Radar.State;

/// <summary>
/// The maximum (or minimum) over the most recent seconds with a monotonic deque: a value that can never be the
/// extreme again (an older one beaten by a newer one) is dropped on arrival, so both the update and the read
/// are O(1) amortised. No allocation after construction.
/// </summary>
internal sealed class WindowExtreme(int capacity, bool max)
{
    private readonly long[] _seconds = new long[capacity];
    private readonly double[] _values = new double[capacity];
    private int _head;
    private int _count;

    /// <summary>The extreme of the values held; NaN when empty.</summary>
    public double Value => _count > 0 ? _values[_head] : double.NaN;

    /// <summary>Appends the value of <paramref name="second"/> (later than every second held).</summary>
    public void Add(long second, double value)
    {
        while (_count > 0 && Beaten(_values[Slot(_count - 1)], value))
        {
            _count--;
        }

        if (_count == _seconds.Length)
        {
            _head = Slot(1); // only when the caller's window is wider than the capacity
            _count--;
        }

        int tail = Slot(_count);
        _seconds[tail] = second;
        _values[tail] = value;
        _count++;
    }

    /// <summary>Drops every value older than <paramref name="firstSecond"/>.</summary>
    public void EvictBefore(long firstSecond)
    {
        while (_count > 0 && _seconds[_head] < firstSecond)
        {
            _head = Slot(1);
            _count--;
        }
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
    }

    private bool Beaten(double held, double incoming) => max ? held <= incoming : held >= incoming;

    private int Slot(int offset) => (_head + offset) % _seconds.Length;
}
