namespace Gv2Edge.Radar.State;

/// <summary>
/// One second of one symbol on the fixed clock (aligned to Unix seconds). Prices NaN when nothing traded in it;
/// <see cref="Close"/> carries the last known price forward.
/// </summary>
public struct SecondBar
{
    /// <summary>Start of the second, Unix seconds.</summary>
    public long UnixSecond;

    /// <summary>Shares traded in the second (differences of the cumulative volume).</summary>
    public double Volume;

    public double High;

    public double Low;

    /// <summary>Last trade price at the end of the second (carried forward).</summary>
    public double Close;

    /// <summary>Sum of the spread samples (percent of mid) taken in the second.</summary>
    public double SpreadPctSum;

    public int SpreadSamples;

    /// <summary>Updates received in the second.</summary>
    public int Ticks;

    internal void Start(long second, double carryClose)
    {
        UnixSecond = second;
        Volume = 0;
        High = double.NaN;
        Low = double.NaN;
        Close = carryClose;
        SpreadPctSum = 0;
        SpreadSamples = 0;
        Ticks = 0;
    }
}
