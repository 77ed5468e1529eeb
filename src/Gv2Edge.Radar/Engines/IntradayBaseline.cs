namespace Gv2Edge.Radar.Engines;

/// <summary>
/// One symbol's time-of-day baseline built from its own recent 1-minute bars: for each bucket of the New York day
/// (default 30 minutes) the mean and spread of shares per minute and of 1-minute returns. Never a shared constant:
/// each symbol gets its own from its own history.
/// </summary>
public sealed class IntradayBaseline
{
    private readonly BaselineStats?[] _buckets;
    private readonly BaselineStats? _allDay;

    private IntradayBaseline(int bucketMinutes, BaselineStats?[] buckets, BaselineStats? allDay)
    {
        BucketMinutes = bucketMinutes;
        _buckets = buckets;
        _allDay = allDay;
    }

    /// <summary>Width of a time-of-day bucket in minutes.</summary>
    public int BucketMinutes { get; }

    /// <summary>
    /// Builds the baseline from 1-minute bars (any number of recent sessions). Bars that are invalid are skipped.
    /// A return is counted only between consecutive bars of the same session (no overnight gaps).
    /// </summary>
    /// <param name="bars">The symbol's recent intraday bars.</param>
    /// <param name="bucketMinutes">Bucket width, default 30 minutes.</param>
    /// <param name="minBarsPerBucket">Bars a bucket needs to be used on its own (default 10); thinner buckets fall back to the whole day.</param>
    public static IntradayBaseline FromMinuteBars(IEnumerable<HistoryBar> bars, int bucketMinutes = 30, int minBarsPerBucket = 10)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (bucketMinutes is < 1 or > 1440)
        {
            throw new ArgumentOutOfRangeException(nameof(bucketMinutes), "The bucket width must be between 1 and 1440 minutes.");
        }

        int n = (1440 + bucketMinutes - 1) / bucketMinutes;
        var volume = new RunningStats[n];
        var returns = new RunningStats[n];
        RunningStats allVolume = default, allReturns = default;
        HistoryBar? previous = null;
        foreach (HistoryBar bar in bars.Where(b => b.IsValid).OrderBy(b => b.Start))
        {
            double minutes = bar.Duration.TotalMinutes;
            int bucket = (int)(ExchangeClock.MinuteOfDay(bar.Start) / bucketMinutes);
            double perMinute = bar.Volume / minutes;
            volume[bucket].Add(perMinute);
            allVolume.Add(perMinute);
            if (previous is { } p && bar.Start - (p.Start + p.Duration) <= TimeSpan.FromMinutes(5)
                && ExchangeClock.Date(p.Start) == ExchangeClock.Date(bar.Start))
            {
                double r = (bar.Close - p.Close) / p.Close * 100.0 / Math.Sqrt(minutes);
                returns[bucket].Add(r);
                allReturns.Add(r);
            }

            previous = bar;
        }

        var stats = new BaselineStats?[n];
        for (int i = 0; i < n; i++)
        {
            if (volume[i].Count >= minBarsPerBucket)
            {
                double rStd = returns[i].Count > 1 ? returns[i].StdDev : allReturns.StdDev;
                stats[i] = BaselineStats.Create(volume[i].Mean, volume[i].StdDev, rStd, volume[i].Count, "bars");
            }
        }

        BaselineStats? allDay = allVolume.Count >= 2
            ? BaselineStats.Create(allVolume.Mean, allVolume.StdDev, allReturns.StdDev, allVolume.Count, "bars")
            : null;
        return new IntradayBaseline(bucketMinutes, stats, allDay);
    }

    /// <summary>The baseline at <paramref name="time"/>'s time of day: its bucket, else the whole day, else null.</summary>
    public BaselineStats? At(DateTimeOffset time)
    {
        int bucket = (int)(ExchangeClock.MinuteOfDay(time) / BucketMinutes);
        return _buckets[bucket] ?? _allDay;
    }
}
