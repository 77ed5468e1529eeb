namespace Gv2Edge.Radar.Engines;

/// <summary>The derivative arithmetic over a <see cref="TickerSeries"/> (pure, allocation-free).</summary>
internal static class DerivativeCalculator
{
    private const int MinSpreadHistory = 5;

    public static DerivativeState Compute(TickerSeries s, TickerBufferOptions o, BaselineStats? external)
    {
        int n = s.Count;
        double confidence = Math.Min(1.0, (double)n / o.ConfidenceSamples);
        // The window never straddles a session change: the step in volume at the open (or the close) is the
        // session's, not accumulation, so a session's first minutes are not ready yet.
        int inSession = SameSessionCount(s);
        if (!s.IsReady || inSession < o.MinSamples)
        {
            return new DerivativeState { Samples = n, Confidence = confidence, BaselineSource = "none", Latest = n > 0 ? s[0] : default, Time = n > 0 ? s[0].Time : default, Price = n > 0 ? s[0].Price : 0 };
        }

        int w = Math.Min(o.DerivativeWindow, inSession);
        TickerSample last = s[0], prev = s[1], prev2 = s[2], first = s[w - 1];
        double dtLast = Minutes(last.Time - prev.Time);
        double dtPrev = Minutes(prev.Time - prev2.Time);
        double vLast = PctPerMin(prev.Price, last.Price, dtLast);
        double vPrev = PctPerMin(prev2.Price, prev.Price, dtPrev);
        double windowMinutes = Minutes(last.Time - first.Time);
        double priceChange = (last.Price - first.Price) / first.Price * 100.0;
        double volumeRate = TrailingVolumeRate(s, o.VolumeRateSpan);
        double volumeAcc = (last.VolumePerMinute - prev.VolumePerMinute) / dtLast;
        double volumeTrend = (last.VolumePerMinute - first.VolumePerMinute) / windowMinutes;

        BaselineStats? baseline = external ?? SelfBaseline(s, w, o.MinSelfBaselineSamples);
        double volumeZ = 0, priceZ = 0;
        double? volumeRatio = null;
        if (baseline is { } b)
        {
            // A z-score is only as sure as the thinner of its two sides: a symbol without bars, judged against a dozen
            // of its own samples, must not look as certain as one judged against three sessions of bars.
            confidence = Math.Min(confidence, Math.Min(1.0, (double)b.Count / o.ConfidenceSamples));
            volumeZ = (volumeRate - b.VolumeMean) / b.VolumeStd;
            priceZ = priceChange / (b.ReturnStdPct * Math.Sqrt(windowMinutes));
            volumeRatio = b.VolumeMean > 0 ? volumeRate / b.VolumeMean : null;
        }

        (double spreadZ, bool tightening) = SpreadMeasures(s, w);
        return new DerivativeState
        {
            Samples = n,
            Confidence = confidence,
            IsReady = true,
            Time = last.Time,
            Price = last.Price,
            PriceVelocityPctPerMin = vLast,
            PriceAccelerationPctPerMin2 = (vLast - vPrev) / dtLast,
            PriceChangePct = priceChange,
            WindowMinutes = windowMinutes,
            VolumePerMinute = volumeRate,
            VolumeAcceleration = volumeAcc,
            VolumeTrend = volumeTrend,
            VolumeRatio = volumeRatio,
            VolumeZ = volumeZ,
            PriceZ = priceZ,
            SpreadPct = double.IsFinite(last.SpreadPct) ? last.SpreadPct : null,
            SpreadZ = spreadZ,
            SpreadTightening = tightening,
            BaselineSource = baseline?.Source ?? "none",
            Latest = last,
        };
    }

    private static double Minutes(TimeSpan t) => t.TotalSeconds / 60.0;

    private static double PctPerMin(double from, double to, double minutes) => (to - from) / from * 100.0 / minutes;

    private static double TrailingVolumeRate(TickerSeries s, TimeSpan span)
    {
        double volume = 0, seconds = 0;
        for (int age = 0; age < s.Count && seconds < span.TotalSeconds; age++)
        {
            volume += s[age].PeriodVolume;
            seconds += s[age].PeriodSeconds;
        }

        return volume / (seconds / 60.0);
    }

    // Samples of the newest one's session whose whole period lies in it: the first sample labelled with a new session
    // covers the minute before it (the pre-market's last minute at 09:30), so it does not count.
    private static int SameSessionCount(TickerSeries s)
    {
        int count = 0;
        while (count < s.Count && Same(s[count], s[0]) && (count + 1 == s.Count || Same(s[count + 1], s[0])))
        {
            count++;
        }

        return count;

        static bool Same(in TickerSample a, in TickerSample b) => string.Equals(a.Session, b.Session, StringComparison.Ordinal);
    }

    // The symbol's own samples older than the window, when no bar baseline is known: still per symbol, never a constant.
    private static BaselineStats? SelfBaseline(TickerSeries s, int window, int minSamples)
    {
        int older = s.Count - window;
        if (older < minSamples)
        {
            return null;
        }

        RunningStats volume = default, returns = default;
        for (int age = window; age < s.Count; age++)
        {
            TickerSample x = s[age];
            volume.Add(x.VolumePerMinute);
            if (age + 1 < s.Count)
            {
                TickerSample before = s[age + 1];
                double minutes = Minutes(x.Time - before.Time);
                returns.Add((x.Price - before.Price) / before.Price * 100.0 / Math.Sqrt(minutes));
            }
        }

        return BaselineStats.Create(volume.Mean, volume.StdDev, returns.StdDev, volume.Count, "self");
    }

    private static (double Z, bool Tightening) SpreadMeasures(TickerSeries s, int window)
    {
        double last = s[0].SpreadPct, prev = s[1].SpreadPct;
        bool tightening = double.IsFinite(last) && double.IsFinite(prev) && last < prev;
        RunningStats history = default;
        for (int age = window; age < s.Count; age++)
        {
            if (double.IsFinite(s[age].SpreadPct))
            {
                history.Add(s[age].SpreadPct);
            }
        }

        if (!double.IsFinite(last) || history.Count < MinSpreadHistory)
        {
            return (0, tightening);
        }

        double std = Math.Max(Math.Max(0.001, 0.1 * history.Mean), history.StdDev);
        return ((last - history.Mean) / std, tightening);
    }
}
