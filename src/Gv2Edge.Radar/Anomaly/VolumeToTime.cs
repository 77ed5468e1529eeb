using Gv2Edge.Radar.Engines;

namespace Gv2Edge.Radar.Anomaly;

/// <summary>
/// A symbol's average volume traded by a given time of day, so that volume so far today is compared with the same
/// hours of earlier sessions (extended hours counted when today's volume counts them).
/// </summary>
public static class VolumeToTime
{
    private static readonly TimeOnly RthOpen = new(9, 30);
    private static readonly TimeOnly RthClose = new(16, 0);
    private static readonly TimeOnly PreOpen = new(4, 0);
    private static readonly TimeOnly PostClose = new(20, 0);

    // Cumulative share of a regular session's volume at each half hour from 09:30 to 16:00 (a typical U-shaped US
    // equity profile: heavy first and last half hours).
    private static readonly double[] RthCurve = [0, 0.13, 0.22, 0.29, 0.35, 0.40, 0.45, 0.49, 0.53, 0.57, 0.62, 0.68, 0.80, 1.0];

    /// <summary>Share of a day's regular-session volume traded before 09:30 in a typical pre-market (3%).</summary>
    public const double PreMarketShare = 0.03;

    /// <summary>Share traded after 16:00 in a typical after-hours session (2%).</summary>
    public const double AfterHoursShare = 0.02;

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
    /// The fallback when bars are not at hand: average daily volume × the share of a day's volume typically traded
    /// by that time (<see cref="CumulativeShare"/>). Null when nothing is typically traded yet.
    /// </summary>
    public static double? FromDailyAverage(double averageDailyVolume, DateTimeOffset now, bool includeExtended)
    {
        double share = CumulativeShare(TimeOnly.FromTimeSpan(Gv2Edge.Market.ExchangeTime.ToExchange(now).TimeOfDay), includeExtended);
        return averageDailyVolume > 0 && share > 0 ? averageDailyVolume * share : null;
    }

    /// <summary>
    /// Typical cumulative share of a regular session's volume traded by <paramref name="time"/> (1.0 at 16:00), with
    /// the pre-market (up to 3%) and after-hours (up to 2%) shares added when <paramref name="includeExtended"/>.
    /// </summary>
    public static double CumulativeShare(TimeOnly time, bool includeExtended)
    {
        double pre = includeExtended ? PreMarketShare * Ramp(time, PreOpen, RthOpen) : 0;
        double post = includeExtended ? AfterHoursShare * Ramp(time, RthClose, PostClose) : 0;
        if (time < RthOpen)
        {
            return pre;
        }

        if (time >= RthClose)
        {
            return pre + 1.0 + post;
        }

        double halfHours = (time - RthOpen).TotalMinutes / 30.0;
        int i = (int)halfHours;
        double rth = RthCurve[i] + ((RthCurve[i + 1] - RthCurve[i]) * (halfHours - i));
        return pre + rth;
    }

    private static double Ramp(TimeOnly t, TimeOnly from, TimeOnly to) =>
        t <= from ? 0 : t >= to ? 1 : (t - from).TotalMinutes / (to - from).TotalMinutes;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
