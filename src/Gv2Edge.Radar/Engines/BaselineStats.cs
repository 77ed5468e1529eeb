namespace Gv2Edge.Radar.Engines;

/// <summary>
/// A symbol's normal behaviour at one time of day, in the units the derivatives use: volume in shares per minute,
/// price variability as the standard deviation of 1-minute returns in percent.
/// </summary>
/// <param name="VolumeMean">Mean shares per minute.</param>
/// <param name="VolumeStd">Standard deviation of shares per minute (floored, see <see cref="Create"/>).</param>
/// <param name="ReturnStdPct">Standard deviation of 1-minute returns, percent (floored).</param>
/// <param name="Count">Observations behind the figures.</param>
/// <param name="Source">"bars" (the symbol's own 1-minute bars at this time of day) or "self" (its own buffer).</param>
public readonly record struct BaselineStats(double VolumeMean, double VolumeStd, double ReturnStdPct, int Count, string Source)
{
    /// <summary>Lowest volume standard deviation as a fraction of the mean (10%): a perfectly regular history would make every z-score infinite.</summary>
    public const double VolumeStdFloorFraction = 0.10;

    /// <summary>Lowest 1-minute return standard deviation, percent (0.01%).</summary>
    public const double ReturnStdFloorPct = 0.01;

    /// <summary>Builds stats with the floors applied (volume std at least 1 share/min and 10% of the mean; return std at least 0.01%).</summary>
    public static BaselineStats Create(double volumeMean, double volumeStd, double returnStdPct, int count, string source)
    {
        double vStd = Math.Max(Math.Max(1.0, VolumeStdFloorFraction * volumeMean), volumeStd);
        double rStd = Math.Max(ReturnStdFloorPct, double.IsFinite(returnStdPct) ? returnStdPct : 0);
        return new BaselineStats(volumeMean, vStd, rStd, count, source);
    }
}
