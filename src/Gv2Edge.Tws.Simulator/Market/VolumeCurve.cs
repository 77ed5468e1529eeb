namespace Gv2Edge.Tws.Simulator.Market;

/// <summary>
/// Share of a day's volume traded in each minute from 04:00 to 20:00 ET: light pre-market rising into the open,
/// a U over regular hours (heavy open and close), a fading after-hours. Sums to 1 over a full day.
/// </summary>
internal static class VolumeCurve
{
    public const int FirstMinute = 4 * 60;
    public const int OpenMinute = (9 * 60) + 30;
    public const int CloseMinute = 16 * 60;
    public const int LastMinute = 20 * 60;
    private static readonly double[] Share = Build();

    /// <summary>Share of daily volume in the minute containing <paramref name="minuteOfDay"/> (0 outside 04:00–20:00).</summary>
    public static double At(int minuteOfDay)
        => minuteOfDay is < FirstMinute or >= LastMinute ? 0 : Share[minuteOfDay - FirstMinute];

    /// <summary>Cumulative share of daily volume before <paramref name="minuteOfDay"/>.</summary>
    public static double Cumulative(int minuteOfDay)
    {
        double sum = 0;
        for (int m = FirstMinute; m < Math.Min(minuteOfDay, LastMinute); m++)
        {
            sum += At(m);
        }

        return sum;
    }

    private static double[] Build()
    {
        var w = new double[LastMinute - FirstMinute];
        double pre = 0, rth = 0, post = 0;
        for (int m = FirstMinute; m < LastMinute; m++)
        {
            double v;
            if (m < OpenMinute)
            {
                // Pre-market builds toward the open (news at 07:00–08:00, then the last half hour).
                double x = (m - FirstMinute) / (double)(OpenMinute - FirstMinute);
                v = 0.2 + (3 * x * x);
                pre += v;
            }
            else if (m < CloseMinute)
            {
                double k = m - OpenMinute;
                v = 1 + (3.0 * Math.Exp(-k / 20.0)) + (2.0 * Math.Exp(-(389 - k) / 25.0));
                rth += v;
            }
            else
            {
                double k = m - CloseMinute;
                v = 0.2 + (2.0 * Math.Exp(-k / 15.0));
                post += v;
            }

            w[m - FirstMinute] = v;
        }

        // Extended hours carry a small part of the day, as for most US stocks.
        for (int m = FirstMinute; m < LastMinute; m++)
        {
            int i = m - FirstMinute;
            w[i] = m < OpenMinute ? w[i] / pre * 0.05 : m < CloseMinute ? w[i] / rth * 0.9 : w[i] / post * 0.05;
        }

        return w;
    }
}
