namespace Gv2Edge.Radar.State;

/// <summary>
/// The share of a day's volume traded in each New York minute, for a symbol known only by its average daily
/// volume. Regular hours are U-shaped (about 4× the midday rate in the first minutes, 2.5× into the close);
/// pre-market and after-hours are light and lean towards the regular session.
/// </summary>
public sealed class IntradayVolumeCurve
{
    private readonly double[] _weights = new double[VolumeProfile.Minutes];

    /// <summary>Builds a curve. Defaults: 4% of the volume pre-market, 93% regular hours, 3% after hours.</summary>
    public IntradayVolumeCurve(double preShare = 0.04, double rthShare = 0.93, double postShare = 0.03)
    {
        if (preShare < 0 || rthShare <= 0 || postShare < 0)
        {
            throw new ArgumentException("Volume curve shares must be non-negative and the regular-hours share positive.");
        }

        double total = preShare + rthShare + postShare;
        Fill(4 * 60, 330, preShare / total, j => 0.2 + Math.Exp(-(329 - j) / 60.0));
        Fill((9 * 60) + 30, 390, rthShare / total, i => 1 + (3 * Math.Exp(-i / 20.0)) + (1.5 * Math.Exp(-(389 - i) / 15.0)));
        Fill(16 * 60, 240, postShare / total, j => 0.2 + Math.Exp(-j / 30.0));
    }

    /// <summary>The default U-shaped curve.</summary>
    public static IntradayVolumeCurve Default { get; } = new();

    /// <summary>Fraction of the day's volume in the minute starting at <paramref name="minuteOfDay"/> (New York).</summary>
    public double ShareAt(int minuteOfDay) => (uint)minuteOfDay < VolumeProfile.Minutes ? _weights[minuteOfDay] : 0;

    private void Fill(int start, int length, double share, Func<int, double> shape)
    {
        double sum = 0;
        for (int i = 0; i < length; i++)
        {
            sum += shape(i);
        }

        for (int i = 0; i < length; i++)
        {
            _weights[start + i] = share * shape(i) / sum;
        }
    }
}
