using Gv2Edge.Radar.Engines;
using Gv2Edge.Radar.State;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>
/// A symbol's average volume traded by a given time of day, so that volume so far today is compared with the same
/// hours of earlier sessions (extended hours counted when today's volume counts them).
/// </summary>
public static class VolumeToTime
{
    private static readonly TimeOnly RthOpen = new(9, 30);
    private static readonly TimeOnly PreOpen = new(4, 0);

    // Cumulative share of the day's volume by each minute of the default curve: built once, read per fallback.
    private static readonly double[] DefaultCumulative = Cumulative(IntradayVolumeCurve.Default);

    /// <summary>
    /// Mean over the last <paramref name="sessions"/> sessions before <paramref name="now"/>'s date of the volume of
    /// intraday bars between the session start (04:00 with extended hours, 09:30 without) and <paramref name="now"/>'s
    /// time of day, the bar containing that time counted pro rata. Null when no earlier session has bars.
    /// </summary>
    public static double? FromIntradayBars(IEnumerable<HistoryBar> bars, DateTimeOffset now, bool includeExtended, int sessions = 20)
    {
        ArgumentNullException.ThrowIfNull(bars);
        DateOnly today = Gv2Edge.Market.ExchangeTime.DateOf(now);
        TimeSpan from = (includeExtended ? PreOpen : RthOpen).ToTimeSpan();
        TimeSpan to = Gv2Edge.Market.ExchangeTime.ToExchange(now).TimeOfDay;
        var perDay = new SortedDictionary<DateOnly, double>();
        foreach (HistoryBar bar in bars.Where(b => b.IsValid))
        {
            DateOnly day = Gv2Edge.Market.ExchangeTime.DateOf(bar.Start);
            if (day >= today)
            {
                continue;
            }

            TimeSpan start = Gv2Edge.Market.ExchangeTime.ToExchange(bar.Start).TimeOfDay;
            TimeSpan end = start + bar.Duration;
            double overlap = (Min(end, to) - Max(start, from)).TotalSeconds;
            double share = overlap <= 0 ? 0 : overlap / bar.Duration.TotalSeconds;
            perDay[day] = perDay.GetValueOrDefault(day) + (bar.Volume * share);
        }

        List<double> recent = perDay.Values.TakeLast(sessions).ToList();
        return recent.Count == 0 ? null : recent.Average();
    }

    /// <summary>
    /// The fallback when bars are not at hand: IB's average daily volume (generic tick 21, a whole day from 04:00 to
    /// 20:00) × the share of a day's volume <paramref name="curve"/> puts between the session start (04:00 with extended
    /// hours, 09:30 without) and <paramref name="now"/>'s time of day (<see cref="CumulativeShare"/>). Null when the
    /// average is unknown or nothing is typically traded yet.
    /// </summary>
    /// <param name="averageDailyVolume">IB's average daily volume, shares.</param>
    /// <param name="now">The time of day compared at.</param>
    /// <param name="includeExtended">Whether today's volume counts the pre-market.</param>
    /// <param name="curve">The intraday curve. Default <see cref="IntradayVolumeCurve.Default"/>.</param>
    public static double? FromDailyAverage(double averageDailyVolume, DateTimeOffset now, bool includeExtended, IntradayVolumeCurve? curve = null)
    {
        double share = CumulativeShare(TimeOnly.FromTimeSpan(Gv2Edge.Market.ExchangeTime.ToExchange(now).TimeOfDay), includeExtended, curve);
        return double.IsFinite(averageDailyVolume) && averageDailyVolume > 0 && share > 0 ? averageDailyVolume * share : null;
    }

    /// <summary>
    /// Share of a whole day's volume (04:00–20:00, 1.0 in all) that <paramref name="curve"/> puts between the session
    /// start (04:00 with <paramref name="includeExtended"/>, 09:30 without) and <paramref name="time"/>, the minute in
    /// progress counted pro rata. Without extended hours it tops out at the curve's regular-hours share (93% by default).
    /// </summary>
    /// <param name="time">Time of day, New York.</param>
    /// <param name="includeExtended">Count from 04:00 rather than 09:30.</param>
    /// <param name="curve">The intraday curve. Default <see cref="IntradayVolumeCurve.Default"/>.</param>
    public static double CumulativeShare(TimeOnly time, bool includeExtended, IntradayVolumeCurve? curve = null)
    {
        double[] cumulative = curve is null || ReferenceEquals(curve, IntradayVolumeCurve.Default) ? DefaultCumulative : Cumulative(curve);
        double minutes = time.ToTimeSpan().TotalMinutes;
        double from = (includeExtended ? PreOpen : RthOpen).ToTimeSpan().TotalMinutes;
        return minutes <= from ? 0 : At(cumulative, minutes) - At(cumulative, from);
    }

    /// <summary>cumulative[m] = share traded before minute m (1441 values).</summary>
    private static double[] Cumulative(IntradayVolumeCurve curve)
    {
        double[] c = new double[VolumeProfile.Minutes + 1];
        for (int m = 0; m < VolumeProfile.Minutes; m++)
        {
            c[m + 1] = c[m] + curve.ShareAt(m);
        }

        return c;
    }

    private static double At(double[] cumulative, double minutes)
    {
        int m = Math.Clamp((int)minutes, 0, VolumeProfile.Minutes - 1);
        double within = Math.Clamp(minutes - m, 0, 1);
        return cumulative[m] + ((cumulative[m + 1] - cumulative[m]) * within);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
