namespace Gv2Edge.Radar.State;

/// <summary>
/// Expected volume per minute of the exchange day for one symbol and one date: mean and standard deviation of
/// shares traded in each New York minute (index 0 = 00:00). NaN where nothing is known.
/// </summary>
public sealed class VolumeProfile
{
    /// <summary>Minutes in a day.</summary>
    public const int Minutes = 1440;

    private readonly double[] _mean;
    private readonly double[] _std;

    internal VolumeProfile(string symbol, DateOnly date, string source, double[] mean, double[] std)
    {
        Symbol = symbol;
        Date = date;
        Source = source;
        _mean = mean;
        _std = std;
    }

    public string Symbol { get; }

    /// <summary>The exchange date this profile serves.</summary>
    public DateOnly Date { get; }

    /// <summary>"bars" (from recent 1-minute bars) or "adv-curve" (average daily volume × intraday curve).</summary>
    public string Source { get; }

    /// <summary>Expected shares in the minute starting at <paramref name="minuteOfDay"/> (NaN unknown).</summary>
    public double MeanAt(int minuteOfDay) => (uint)minuteOfDay < Minutes ? _mean[minuteOfDay] : double.NaN;

    /// <summary>Standard deviation of the shares in that minute (NaN unknown).</summary>
    public double StdAt(int minuteOfDay) => (uint)minuteOfDay < Minutes ? _std[minuteOfDay] : double.NaN;
}
