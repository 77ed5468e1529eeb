namespace Gv2Edge.Tws.Tests.Unit;

/// <summary>Checks a list of send times against IB's 50-messages-in-any-second rule.</summary>
internal static class PacingAssert
{
    /// <summary>The largest number of sends in any closed window of one second.</summary>
    public static int MaxInAnySecond(IReadOnlyList<long> ticks, long ticksPerSecond = TimeSpan.TicksPerSecond)
    {
        int best = 0;
        int start = 0;
        for (int end = 0; end < ticks.Count; end++)
        {
            while (ticks[end] - ticks[start] > ticksPerSecond)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    /// <summary>The smallest gap between consecutive sends.</summary>
    public static TimeSpan MinGap(IReadOnlyList<long> ticks)
    {
        long min = long.MaxValue;
        for (int i = 1; i < ticks.Count; i++)
        {
            min = Math.Min(min, ticks[i] - ticks[i - 1]);
        }

        return TimeSpan.FromTicks(min);
    }
}
