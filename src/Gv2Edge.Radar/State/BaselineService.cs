using System.Collections.Concurrent;
using Gv2Edge.Market;

namespace Gv2Edge.Radar.State;

/// <summary>
/// The one time-of-day volume baseline per symbol, shared by the streaming detectors, the radar and the
/// acceleration engine. Profiles are computed once per symbol and exchange date from data the app supplies
/// (recent 1-minute bars, or the average daily volume spread over an <see cref="IntradayVolumeCurve"/>) and
/// cached for that date; nothing here requests history.
/// </summary>
public sealed class BaselineService
{
    private readonly ConcurrentDictionary<string, VolumeProfile> _profiles = new(StringComparer.Ordinal);
    private readonly IntradayVolumeCurve _curve;
    private readonly double _curveCv;

    /// <summary>Creates the service.</summary>
    /// <param name="curve">Curve for average-daily-volume baselines (default <see cref="IntradayVolumeCurve.Default"/>).</param>
    /// <param name="curveCoefficientOfVariation">Std / mean assumed per minute when only the average is known (default 1.0).</param>
    public BaselineService(IntradayVolumeCurve? curve = null, double curveCoefficientOfVariation = 1.0)
    {
        _curve = curve ?? IntradayVolumeCurve.Default;
        _curveCv = curveCoefficientOfVariation;
    }

    /// <summary>Minutes on each side pooled with a minute when averaging bars (default 2, i.e. 5-minute buckets).</summary>
    public int SmoothingMinutes { get; init; } = 2;

    /// <summary>The cached profile of <paramref name="symbol"/> for <paramref name="date"/>, or null.</summary>
    public VolumeProfile? Get(string symbol, DateOnly date) =>
        _profiles.TryGetValue(symbol, out VolumeProfile? p) && p.Date == date ? p : null;

    /// <summary>
    /// Computes and caches the profile from recent 1-minute bars (several past sessions; volume in shares). A day with bars counts a
    /// minute without a bar as zero volume; minutes no day covers stay unknown. Returns the cached profile when
    /// one from bars already exists for that date.
    /// </summary>
    public VolumeProfile FromBars(string symbol, DateOnly date, IReadOnlyList<Bar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        if (Get(symbol, date) is { Source: "bars" } cached)
        {
            return cached;
        }

        var byDay = new Dictionary<DateOnly, double[]>();
        var covered = new bool[VolumeProfile.Minutes];
        foreach (Bar bar in bars)
        {
            if (bar.Volume < 0)
            {
                throw new ArgumentException($"Baseline bars for {symbol}: volume {bar.Volume} is not a share count.");
            }

            DateTime local = ExchangeTime.ToExchange(bar.Time).DateTime;
            var day = DateOnly.FromDateTime(local);
            if (!byDay.TryGetValue(day, out double[]? minutes))
            {
                minutes = new double[VolumeProfile.Minutes];
                byDay[day] = minutes;
            }

            int m = (local.Hour * 60) + local.Minute;
            minutes[m] += (double)bar.Volume;
            covered[m] = true;
        }

        var mean = new double[VolumeProfile.Minutes];
        var std = new double[VolumeProfile.Minutes];
        for (int m = 0; m < VolumeProfile.Minutes; m++)
        {
            (mean[m], std[m]) = Pool(byDay.Values, covered, m);
        }

        return Store(new VolumeProfile(symbol, date, "bars", mean, std));
    }

    /// <summary>
    /// Computes and caches a profile from the average daily volume (e.g. IB generic tick 165) and the intraday
    /// curve. A profile from bars for the same date is kept instead.
    /// </summary>
    public VolumeProfile FromAverageDailyVolume(string symbol, DateOnly date, double averageDailyVolume)
    {
        if (!(averageDailyVolume > 0))
        {
            throw new ArgumentException($"Average daily volume for {symbol} must be positive, got {averageDailyVolume}.");
        }

        if (Get(symbol, date) is { } cached)
        {
            return cached;
        }

        var mean = new double[VolumeProfile.Minutes];
        var std = new double[VolumeProfile.Minutes];
        for (int m = 0; m < VolumeProfile.Minutes; m++)
        {
            double share = _curve.ShareAt(m);
            mean[m] = share > 0 ? averageDailyVolume * share : double.NaN;
            std[m] = mean[m] * _curveCv;
        }

        return Store(new VolumeProfile(symbol, date, "adv-curve", mean, std));
    }

    private VolumeProfile Store(VolumeProfile profile)
    {
        _profiles[profile.Symbol] = profile;
        return profile;
    }

    private (double Mean, double Std) Pool(IEnumerable<double[]> days, bool[] covered, int minute)
    {
        int lo = Math.Max(0, minute - SmoothingMinutes), hi = Math.Min(VolumeProfile.Minutes - 1, minute + SmoothingMinutes);
        bool any = false;
        for (int m = lo; m <= hi && !any; m++)
        {
            any = covered[m];
        }

        if (!any)
        {
            return (double.NaN, double.NaN);
        }

        double sum = 0, sumSq = 0;
        int n = 0;
        foreach (double[] day in days)
        {
            for (int m = lo; m <= hi; m++)
            {
                sum += day[m];
                sumSq += day[m] * day[m];
                n++;
            }
        }

        double mean = sum / n;
        double variance = n > 1 ? Math.Max(0, (sumSq - (n * mean * mean)) / (n - 1)) : 0;
        return (mean, Math.Sqrt(variance));
    }
}
