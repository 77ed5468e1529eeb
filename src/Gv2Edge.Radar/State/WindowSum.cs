namespace Gv2Edge.Radar.State;

/// <summary>
/// A running sum over the most recent seconds: values go in oldest first, leave from the front when their second
/// falls out of the window. O(1) amortised per second, no allocation after construction.
/// </summary>
internal sealed class WindowSum(int capacity)
{
    private readonly long[] _seconds = new long[capacity];
    private readonly double[] _values = new double[capacity];
    private int _head;

    /// <summary>Sum of the values held.</summary>
    public double Sum { get; private set; }

    /// <summary>Number of values held.</summary>
    public int Count { get; private set; }

    /// <summary>Second of the oldest value held (meaningless when empty).</summary>
    public long OldestSecond => _seconds[_head];

    /// <summary>Appends the value of <paramref name="second"/> (later than every second held).</summary>
    public void Add(long second, double value)
    {
        if (Count == _seconds.Length)
        {
            Drop(); // only when the caller's window is wider than the capacity; keeps the newest
        }

        int tail = (_head + Count) % _seconds.Length;
        _seconds[tail] = second;
        _values[tail] = value;
        Sum += value;
        Count++;
    }

    /// <summary>Drops every value older than <paramref name="firstSecond"/>.</summary>
    public void EvictBefore(long firstSecond)
    {
        while (Count > 0 && _seconds[_head] < firstSecond)
        {
            Drop();
        }
    }

    public void Clear()
    {
        _head = 0;
        Count = 0;
        Sum = 0;
    }

    private void Drop()
    {
        Sum -= _values[_head];
        _head = (_head + 1) % _seconds.Length;
        if (--Count == 0)
        {
            Sum = 0; // no rounding residue survives an empty window
        }
    }
}
