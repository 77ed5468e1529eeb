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

    /// <summary>
    /// Spread (percent of mid) of the last two-sided quote of the second, NaN if none. The last quote, not the mean of
    /// every update: IB sends bid and ask in separate messages, and a mean over updates counts each half-updated quote
    /// (one side moved, the other not yet) as a spread that never stood in the market.
    /// </summary>
    public double SpreadPct;

    /// <summary>Updates received in the second.</summary>
    public int Ticks;

    internal void Start(long second, double carryClose)
    {
        UnixSecond = second;
        Volume = 0;
        High = double.NaN;
        Low = double.NaN;
        Close = carryClose;
        SpreadPct = double.NaN;
        Ticks = 0;
    }
}
