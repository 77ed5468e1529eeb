using Gv2Edge.Radar.Engines;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>Wilder's average true range over daily bars.</summary>
public static class AverageTrueRange
{
    /// <summary>
    /// ATR(<paramref name="period"/>) of completed daily bars (pass sessions before today). True range =
    /// max(high − low, |high − previous close|, |low − previous close|); the first ATR is the mean of the first
    /// <paramref name="period"/> true ranges, then ATR = (ATR·(period − 1) + TR) / period. Needs period + 1 valid bars
    /// (each true range needs the previous close); null otherwise.
    /// </summary>
    public static double? Compute(IEnumerable<HistoryBar> dailyBars, int period = 14)
    {
        ArgumentNullException.ThrowIfNull(dailyBars);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        HistoryBar? previous = null;
        int count = 0;
        double sum = 0, atr = 0;
        foreach (HistoryBar bar in dailyBars.Where(b => b.IsValid).OrderBy(b => b.Start))
        {
            if (previous is { } p)
            {
                double tr = Math.Max(bar.High - bar.Low, Math.Max(Math.Abs(bar.High - p.Close), Math.Abs(bar.Low - p.Close)));
                count++;
                if (count <= period)
                {
                    sum += tr;
                    atr = sum / count;
                }
                else
                {
                    atr = ((atr * (period - 1)) + tr) / period;
                }
            }

            previous = bar;
        }

        return count >= period ? atr : null;
    }
}
